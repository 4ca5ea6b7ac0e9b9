using System.Globalization;
using System.Text.RegularExpressions;

namespace FlightRec.Frstap;

/// <summary>
/// stap's checks of option values (LANGUAGE.md §10.1), with its exact messages. Each
/// returns null when the value is fine, else the line to print before exiting with 1.
/// </summary>
internal static partial class OptionChecks
{
    private const string DefinePattern = "^[a-z_][a-z_0-9]*(=-?[a-z_0-9]+)?$";
    private const string ModulePattern = "^[a-z0-9_]+$";
    private const string GlobalPattern = "^[a-z_][a-z0-9_]*=[a-z0-9_.-]+$";
    private const string RotationPattern = "^[0-9]+(,[0-9]+)?$";
    private const int MaxModuleName = 55;

    public static string? Define(string value) => Safety("-D", value, DefineRegex());

    /// <summary>A -D that sets one of the module's limits needs an integer, which the runtime reads.</summary>
    public static string? LimitValue(string define)
    {
        int eq = define.IndexOf('=');
        string name = (eq < 0 ? define : define[..eq]).ToUpperInvariant();
        return eq < 0 || !FlightRec.Runtime.Execution.ScriptLimits.Names.Contains(name)
            || long.TryParse(define.AsSpan(eq + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
            ? null
            : $"Invalid -D value '{define}': {name} must be an integer.";
    }

    public static string? Global(string value) => Safety("-G", value, GlobalRegex());

    public static string? Rotation(string value) => Safety("-S", value, RotationRegex());

    /// <summary>The module name as stap normalises it: suffix stripped, checked, then truncated (with a notice).</summary>
    public static (string? Name, string? Error, string? Notice) ModuleName(string value)
    {
        string name = value;
        foreach (var suffix in new[] { ".ko", ".dll" })
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal))
            {
                name = name[..^suffix.Length];
            }
        }

        if (name.Length == 0)
        {
            return (null, "Module name cannot be empty.", null);
        }

        if (Safety("-m", name, ModuleRegex()) is { } error)
        {
            return (null, error, null);
        }

        if (name.Length > MaxModuleName)
        {
            name = name[..MaxModuleName];
            return (name, null, $"Truncating module name to '{name}'");
        }

        return (name, null, null);
    }

    public static string? BufferSize(int megabytes) =>
        megabytes is >= 1 and <= 4095 ? null : "Invalid buffer size (should be 1-4095).";

    public static string? Timeout(string seconds) =>
        double.TryParse(seconds, NumberStyles.Float, CultureInfo.InvariantCulture, out double s) && s > 0 && double.IsFinite(s)
            ? null
            : "Invalid timeout interval.";

    public static string? TargetPid(int pid) => pid > 0 ? null : "Invalid target process ID number.";

    public static string? Command(string command) =>
        string.IsNullOrWhiteSpace(command) ? "Empty CMD string invalid." : null;

    private static string? Safety(string option, string value, Regex pattern) =>
        pattern.IsMatch(value)
            ? null
            : $"ERROR: Safety pattern mismatch for {option} parameter ('{value}' vs. '{pattern}') rc=1";

    [GeneratedRegex(DefinePattern, RegexOptions.IgnoreCase)]
    private static partial Regex DefineRegex();

    [GeneratedRegex(ModulePattern, RegexOptions.IgnoreCase)]
    private static partial Regex ModuleRegex();

    [GeneratedRegex(GlobalPattern, RegexOptions.IgnoreCase)]
    private static partial Regex GlobalRegex();

    [GeneratedRegex(RotationPattern)]
    private static partial Regex RotationRegex();
}
