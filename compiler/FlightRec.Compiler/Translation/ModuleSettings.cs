using System.Globalization;

namespace FlightRec.Compiler.Translation;

/// <summary>
/// The module options frstap bakes into the generated class from its command line (-O, -b, -s,
/// -D), so that frrun hosts the module exactly as it was compiled without being told again.
/// </summary>
public sealed record ModuleSettings
{
    public static ModuleSettings Default { get; } = new();

    public bool Overwrite { get; init; }

    public bool Bulk { get; init; }

    public int? BufferSizeMegabytes { get; init; }

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

        if (Defines.Count > 0)
        {
            members.Add($"Limits = ScriptLimits.Default.With([{string.Join(", ", Defines.Select(CSharpText.String))}])");
        }

        string created = $"new({CSharpText.String(moduleName)})";
        return members.Count == 0 ? created : $"{created} {{ {string.Join(", ", members)} }}";
    }
}
