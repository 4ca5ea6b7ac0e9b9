using System.Globalization;

namespace FlightRec.Compiler.Translation;

/// <summary>
/// The module options frstap bakes into the generated class from its command line (-O, -b, -s,
/// -D), so that frrun hosts the module exactly as it was compiled without being told again, and
/// the command-line settings that change the translation itself (--compatible).
/// </summary>
public sealed record ModuleSettings
{
    public static ModuleSettings Default { get; } = new();

    public bool Overwrite { get; init; }

    public bool Bulk { get; init; }

    public int? BufferSizeMegabytes { get; init; }

    /// <summary>--compatible VERSION: below 1.3 <c>%p</c> formats as it did then.</summary>
    public string CompatibleVersion { get; init; } = Parsing.ParseOptions.DefaultCompatibleVersion;

    /// <summary>stap's MAXNESTING default for this script (its longest call chain); a -D MAXNESTING still wins.</summary>
    public int? MaxNesting { get; init; }

    /// <summary>-D NAME[=VALUE] settings, already checked; the runtime's ScriptLimits.With reads the limits among them.</summary>
    public IReadOnlyList<string> Defines { get; init; } = [];

    /// <summary>The C# initializer of the module's ModuleOptions.</summary>
    public string Initializer(string moduleName)
    {
        var members = new List<string>();
        if (Overwrite)
        {
            members.Add("Overwrite = true");
        }

        if (Bulk)
        {
            members.Add("Bulk = true");
        }

        if (BufferSizeMegabytes is { } megabytes)
        {
            members.Add($"BufferSizeMegabytes = {megabytes.ToString(CultureInfo.InvariantCulture)}");
        }

        string limits = MaxNesting is { } nesting
            ? $"(ScriptLimits.Default with {{ MaxNesting = {nesting.ToString(CultureInfo.InvariantCulture)} }})"
            : "ScriptLimits.Default";
        if (Defines.Count > 0)
        {
            members.Add($"Limits = {limits}.With([{string.Join(", ", Defines.Select(CSharpText.String))}])");
        }
        else if (MaxNesting is not null)
        {
            members.Add($"Limits = {limits}");
        }

        string created = $"new({CSharpText.String(moduleName)})";
        return members.Count == 0 ? created : $"{created} {{ {string.Join(", ", members)} }}";
    }
}
