namespace FlightRec.Compiler.Driver;

/// <summary>What the user asked frstap for, after the command line has been read.</summary>
public sealed record CompilerOptions
{
    /// <summary>The last pass to run (1–5).</summary>
    public int LastPass { get; init; } = 5;

    /// <summary>-u: keep unused code; without it pass 2 elides what stap's optimizer would.</summary>
    public bool Unoptimized { get; init; }

    /// <summary>-w: no warnings.</summary>
    public bool SuppressWarnings { get; init; }

    /// <summary>-W: warnings are errors (pass 2 fails after printing them).</summary>
    public bool WarningsAreErrors { get; init; }

    /// <summary>The script file, "-" for standard input, or null when <see cref="ScriptText"/> is used.</summary>
    public string? ScriptPath { get; init; }

    /// <summary>Script text from -e.</summary>
    public string? ScriptText { get; init; }

    public IReadOnlyList<string> Arguments { get; init; } = [];

    public bool Guru { get; init; }

    public IReadOnlyList<string> IncludeDirectories { get; init; } = [];

    public string CompatibleVersion { get; init; } = Parsing.ParseOptions.DefaultCompatibleVersion;

    public string Runtime { get; init; } = "kernel";

    /// <summary>-r RELEASE: the kernel release %( kernel_v %) conditions compare against.</summary>
    public string? KernelRelease { get; init; }

    /// <summary>The bundled tapset directory (FLIGHTREC_TAPSET replaces it).</summary>
    public string? TapsetDirectory { get; init; }

    public int Verbosity { get; init; }

    /// <summary>-m NAME, already checked and normalised; null for a generated name.</summary>
    public string? ModuleName { get; init; }

    /// <summary>-D NAME[=VALUE] settings for the module's limits, checked against stap's safety pattern.</summary>
    public IReadOnlyList<string> Defines { get; init; } = [];

    /// <summary>-G NAME=VALUE start values of globals.</summary>
    public IReadOnlyList<string> GlobalAssignments { get; init; } = [];

    /// <summary>-l / -L: list the probe points the script's one probe resolves to instead of printing pass 2.</summary>
    public ProbeListingMode Listing { get; init; }

    /// <summary>-k: keep the temporary directory with the generated C# and the module.</summary>
    public bool KeepTemporary { get; init; }

    /// <summary>-O, -b, -s: how the module wants its buffers, baked into it at pass 3.</summary>
    public bool Overwrite { get; init; }

    public bool Bulk { get; init; }

    public int? BufferSizeMegabytes { get; init; }

    /// <summary>-T SECONDS as milliseconds: like stap, a synthesized <c>probe timer.ms(N) {exit()}</c>.</summary>
    public long? TimeoutMilliseconds { get; init; }

    /// <summary>What pass 5 hands to frrun: output file, command, target pid, rotation, flight-recorder launch.</summary>
    public RunRequest Run { get; init; } = new();
}
