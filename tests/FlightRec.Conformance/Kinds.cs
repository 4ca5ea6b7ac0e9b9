namespace FlightRec.Conformance;

/// <summary>The manifest's kinds and what each one asks of frstap.</summary>
internal static class Kinds
{
    public const string ParseOk = "parse-ok";
    public const string ParseKo = "parse-ko";
    public const string ParseTapset = "parse-tapset";
    public const string ParseTapsetLib = "parse-tapset-lib";
    public const string SemOk = "sem-ok";
    public const string SemKo = "sem-ko";
    public const string Run = "run";

    /// <summary>Every kind that is a test (parse-tapset-lib rows are macro files, not tests).</summary>
    public static readonly IReadOnlyList<string> Testable = [ParseOk, ParseKo, ParseTapset, SemOk, SemKo, Run];

    public static bool IsParse(string kind) => kind is ParseOk or ParseKo or ParseTapset;

    public static bool ExpectsRejection(string kind) => kind is ParseKo or SemKo;

    /// <summary>The -p pass a kind stops after, or null for run (all passes).</summary>
    public static int? LastPass(string kind) => kind switch
    {
        ParseOk or ParseKo or ParseTapset => 1,
        SemOk or SemKo => 2,
        _ => null,
    };
}
