using System.Globalization;
using System.Text;

namespace FlightRec.Compiler.Translation;

/// <summary>Spells script values as C# source: string literals that survive any byte, long literals.</summary>
internal static class CSharpText
{
    public static string String(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (char c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                _ when c < ' ' || c > '~' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return text.Append('"').ToString();
    }

    public static string Long(long value) => value == long.MinValue
        ? "long.MinValue"
        : value.ToString(CultureInfo.InvariantCulture) + "L";

    /// <summary>The <c>near</c> text of a runtime error: <c>operator '/' at file:line:col</c>.</summary>
    public static string Near((Diagnostics.SourceSpan Span, string Token) at) => String($"{at.Token} at {at.Span}");
}
