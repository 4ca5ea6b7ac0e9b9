namespace FlightRec.Compiler.Parsing;

/// <summary>Everything on the command line and in the environment that changes pass 1.</summary>
public sealed record ParseOptions
{
    /// <summary>The version FlightRec's language follows: that of the SystemTap tapsets it ships.</summary>
    public const string DefaultCompatibleVersion = "5.6";

    /// <summary>Guru mode (-g): embedded code, @const and the kernel-only operators are allowed.</summary>
    public bool Guru { get; init; }

    /// <summary>Script arguments, the text of $1, $2, … and @1, @2, ….</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>--compatible=VERSION: the value of systemtap_v and the language level.</summary>
    public string CompatibleVersion { get; init; } = DefaultCompatibleVersion;

    /// <summary>--runtime=NAME: "kernel" (default) or "bpf".</summary>
    public string Runtime { get; init; } = "kernel";

    /// <summary>Facts about the running system used by %( kernel_v … %) conditions.</summary>
    public SystemFacts System { get; init; } = SystemFacts.Current;

    /// <summary>Macros from the .stpm files on the tapset path, visible in every file.</summary>
    public MacroLibrary Library { get; init; } = MacroLibrary.Empty;
}
