namespace FlightRec.Conformance;

/// <summary>How to invoke frstap for one manifest row, and how long to give it.</summary>
internal sealed record CasePlan(
    IReadOnlyList<string> Arguments,
    string? TapsetDirectory,
    bool NeedsInterrupt,
    TimeSpan KillAfter,
    TimeSpan? SlowAfter)
{
    public const string InterruptMarker = "systemtap starting probe";

    /// <summary>The acceptance bar for one parse: slower than this counts as a failure.</summary>
    public static readonly TimeSpan ParseBudget = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Parse cases are killed well after their budget, so a slow-but-finished case reports
    /// its real time instead of an opaque timeout.
    /// </summary>
    public static readonly TimeSpan ParseKillAfter = TimeSpan.FromSeconds(10);

    public static readonly TimeSpan OtherKillAfter = TimeSpan.FromSeconds(60);

    /// <summary>Builds the command line: -p N first, options, the file, then script arguments.</summary>
    public static CasePlan For(ManifestRow row, string corpus)
    {
        var args = new List<string>();
        if (Kinds.LastPass(row.Kind) is int pass)
        {
            args.Add("-p");
            args.Add(pass.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        IReadOnlyList<string> words = row.Args == "-" ? [] : ShellWords.Split(row.Args);
        int separator = words.ToList().IndexOf("--");
        IEnumerable<string> options = separator < 0 ? words : words.Take(separator);
        IEnumerable<string> scriptArgs = separator < 0 ? [] : words.Skip(separator + 1);
        args.AddRange(options);
        args.Add(row.Path);
        args.AddRange(scriptArgs);

        // The corpus's .stpm files must be the only macro library for tapset rows (README).
        string? tapset = row.Kind == Kinds.ParseTapset ? Path.Combine(corpus, Kinds.ParseTapset) : null;
        bool parse = Kinds.IsParse(row.Kind);
        return new CasePlan(
            args,
            tapset,
            row.Kind == Kinds.Run && row.Notes.Contains("needs-interrupt", StringComparison.Ordinal),
            parse ? ParseKillAfter : OtherKillAfter,
            parse ? ParseBudget : null);
    }
}
