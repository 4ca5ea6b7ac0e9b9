namespace FlightRec.Conformance;

/// <summary>Pass, or fail with a one-line reason.</summary>
internal sealed record Verdict(bool Passed, string? Reason)
{
    public static readonly Verdict Pass = new(true, null);

    public static Verdict Fail(string reason) => new(false, reason);
}
