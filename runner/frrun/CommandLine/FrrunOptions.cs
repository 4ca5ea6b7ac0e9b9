using FlightRec.Runner.Output;

namespace FlightRec.Runner.CommandLine;

/// <summary>A checked frrun command line (LANGUAGE.md §10.2).</summary>
internal sealed record FrrunOptions
{
    public const int DefaultReaderTimeoutMs = 200;

    public FrrunMode Mode { get; init; } = FrrunMode.Run;

    /// <summary>The module name given to -A, -D or -d (<c>*</c> for -d means every module).</summary>
    public string? SessionName { get; init; }

    /// <summary>The module assembly to launch (Run and LoadOnly), as given.</summary>
    public string? ModulePath { get; init; }

    /// <summary>NAME=VALUE settings of script globals, checked for syntax only.</summary>
    public IReadOnlyList<string> ModuleOptions { get; init; } = [];

    public int Verbosity { get; init; }

    public bool SuppressWarnings { get; init; }

    public ColorMode Color { get; init; } = ColorMode.Auto;

    /// <summary>-c CMD: run CMD with target() set to its pid, and stop the module when it exits.</summary>
    public string? TargetCommand { get; init; }

    /// <summary>-x PID: target() for the module.</summary>
    public int? TargetPid { get; init; }

    /// <summary>-b MB: ring size per CPU, overriding the module's.</summary>
    public int? BufferMegabytes { get; init; }

    /// <summary>-R: load under a unique name.</summary>
    public bool Rename { get; init; }

    /// <summary>--overwrite (implied by -L): the rings keep the newest data.</summary>
    public bool Overwrite { get; init; }

    /// <summary>-F: the consumer runs in the background, writing to the -o files.</summary>
    public bool Background { get; init; }

    public OutputSettings Output { get; init; } = OutputSettings.Stdout;

    /// <summary>-T MS: how long the consumer waits for the host when the rings are empty.</summary>
    public int ReaderTimeoutMs { get; init; } = DefaultReaderTimeoutMs;
}
