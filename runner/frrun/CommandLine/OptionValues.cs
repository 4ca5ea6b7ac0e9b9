using System.Globalization;
using System.Text.RegularExpressions;
using FlightRec.Runner.Output;

namespace FlightRec.Runner.CommandLine;

/// <summary>
/// The checks staprun makes of option values, stricter where staprun's atoi() would read
/// "8x" as 8: a value must be all digits. Each returns null and an error text (staprun's
/// wording, quoting what the user typed) when the value is refused.
/// </summary>
internal static partial class OptionValues
{
    public const int MaxBufferMegabytes = 4095;

    /// <summary>Module options reach the host's command line and then a script global: no spaces, no '!' (stap's rule).</summary>
    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*=[^\\s!]*$")]
    private static partial Regex ModuleOptionRegex();

    [GeneratedRegex("^([0-9]+)(?:,([0-9]+))?$")]
    private static partial Regex RotationRegex();

    [GeneratedRegex("^[0-9]+$")]
    private static partial Regex DigitsRegex();

    public static int? BufferMegabytes(string text, out string? error)
    {
        int? value = Digits(text) is int mb && mb is >= 1 and <= MaxBufferMegabytes ? mb : null;
        error = value is null ? $"Invalid buffer size '{text}' (should be 1-{MaxBufferMegabytes})." : null;
        return value;
    }

    public static int? ReaderTimeout(string text, out string? error)
    {
        int? value = Digits(text) is int ms && ms >= 1 ? ms : null;
        error = value is null ? $"Invalid reader timeout value '{text}' (should be >= 1)." : null;
        return value;
    }

    public static int? TargetPid(string text, out string? error)
    {
        int? value = Digits(text) is int pid && pid >= 1 ? pid : null;
        error = value is null ? "Invalid target process ID number." : null;
        return value;
    }

    /// <summary>-S SIZE[,N]: SIZE in MB (at least 1), N files to keep (0 or absent: all).</summary>
    public static RotationLimit? Rotation(string text, out string? error)
    {
        var match = RotationRegex().Match(text);
        RotationLimit? value = null;
        if (match.Success && Digits(match.Groups[1].Value) is int mb && mb >= 1)
        {
            int? keep = match.Groups[2].Success ? Digits(match.Groups[2].Value) : 0;
            value = keep is int n ? new RotationLimit((long)mb << 20, n) : null;
        }

        error = value is null ? $"Invalid file size option '{text}'." : null;
        return value;
    }

    public static ColorMode? Color(string text, out string? error)
    {
        ColorMode? value = text switch
        {
            "never" => ColorMode.Never,
            "auto" => ColorMode.Auto,
            "always" => ColorMode.Always,
            _ => null,
        };
        error = value is null ? $"Invalid option '{text}' for -C." : null;
        return value;
    }

    public static bool IsModuleOption(string text) => ModuleOptionRegex().IsMatch(text);

    private static int? Digits(string text) =>
        DigitsRegex().IsMatch(text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value)
            ? value
            : null;
}
