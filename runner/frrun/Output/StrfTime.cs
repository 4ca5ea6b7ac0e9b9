using System.Globalization;
using System.Text;

namespace FlightRec.Runner.Output;

/// <summary>
/// The strftime(3) conversions that make sense in an output file name (staprun expands
/// <c>-o FILE</c> with strftime in the C locale). Written by hand because .NET's date formats
/// differ, and a conversion we don't know must be refused rather than copied through.
/// </summary>
internal static class StrfTime
{
    private static readonly string[] ShortDays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    private static readonly string[] LongDays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
    private static readonly string[] ShortMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    private static readonly string[] LongMonths =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    /// <summary>
    /// <paramref name="pattern"/> with every conversion expanded for <paramref name="time"/> (a
    /// local time), or null when the pattern has an unknown conversion, a lone trailing '%', or
    /// expands to nothing (strftime's 0 return, which staprun reports as an invalid format).
    /// </summary>
    public static string? Format(string pattern, DateTimeOffset time)
    {
        var text = new StringBuilder(pattern.Length + 16);
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c != '%')
            {
                text.Append(c);
                continue;
            }

            if (++i == pattern.Length || !AppendConversion(text, pattern[i], time))
            {
                return null;
            }
        }

        return text.Length == 0 ? null : text.ToString();
    }

    private static bool AppendConversion(StringBuilder text, char conversion, DateTimeOffset time)
    {
        switch (conversion)
        {
            case 'Y': text.Append(Number(time.Year, 1)); break;
            case 'y': text.Append(Number(time.Year % 100, 2)); break;
            case 'm': text.Append(Number(time.Month, 2)); break;
            case 'd': text.Append(Number(time.Day, 2)); break;
            case 'e': text.Append(time.Day.ToString(CultureInfo.InvariantCulture).PadLeft(2)); break;
            case 'j': text.Append(Number(time.DayOfYear, 3)); break;
            case 'H': text.Append(Number(time.Hour, 2)); break;
            case 'I': text.Append(Number(time.Hour % 12 == 0 ? 12 : time.Hour % 12, 2)); break;
            case 'M': text.Append(Number(time.Minute, 2)); break;
            case 'S': text.Append(Number(time.Second, 2)); break;
            case 'p': text.Append(time.Hour < 12 ? "AM" : "PM"); break;
            case 'a': text.Append(ShortDays[(int)time.DayOfWeek]); break;
            case 'A': text.Append(LongDays[(int)time.DayOfWeek]); break;
            case 'b' or 'h': text.Append(ShortMonths[time.Month - 1]); break;
            case 'B': text.Append(LongMonths[time.Month - 1]); break;
            case 'u': text.Append(time.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)time.DayOfWeek); break;
            case 'w': text.Append((int)time.DayOfWeek); break;
            case 's': text.Append(time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)); break;
            case 'T': AppendConversions(text, "HMS", ':', time); break;
            case 'D': AppendConversions(text, "mdy", '/', time); break;
            case 'F': AppendConversions(text, "Ymd", '-', time); break;
            case '%': text.Append('%'); break;
            default: return false;
        }

        return true;
    }

    private static void AppendConversions(StringBuilder text, string conversions, char separator, DateTimeOffset time)
    {
        for (int i = 0; i < conversions.Length; i++)
        {
            if (i > 0)
            {
                text.Append(separator);
            }

            AppendConversion(text, conversions[i], time);
        }
    }

    private static string Number(int value, int digits) =>
        value.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0');
}
