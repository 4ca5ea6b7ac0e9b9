using System.Text;

namespace FlightRec.Runtime.Formatting;

/// <summary>
/// The formats stap compiles the unformatted print family to (LANGUAGE.md §6.3): each value
/// as <c>%d</c> (long) or <c>%s</c> (string), with no separator for <c>print</c>/<c>println</c>,
/// the delimiter literal between values for <c>printd</c>/<c>printdln</c>, and a final
/// newline for the <c>ln</c> forms. Built at compile time; run with <see cref="ScriptPrinter"/>.
/// </summary>
public static class PrintFormats
{
    /// <summary><c>print(a, b, …)</c> / <c>println(…)</c> (and <c>sprint</c>, <c>sprintln</c>).</summary>
    public static CompiledFormat Print(ReadOnlySpan<FormatArgumentType> types, bool newline) =>
        Build(null, types, newline);

    /// <summary><c>printd(D, a, b, …)</c> / <c>printdln</c> (and <c>sprintd</c>, <c>sprintdln</c>); <paramref name="delimiter"/> is the unescaped literal.</summary>
    public static CompiledFormat PrintDelimited(string delimiter, ReadOnlySpan<FormatArgumentType> types, bool newline) =>
        Build(delimiter, types, newline);

    private static CompiledFormat Build(string? delimiter, ReadOnlySpan<FormatArgumentType> types, bool newline)
    {
        var components = new List<FormatComponent>();
        var text = new StringBuilder();
        for (int i = 0; i < types.Length; i++)
        {
            if (i > 0 && !string.IsNullOrEmpty(delimiter))
            {
                components.Add(FormatComponent.Literal(delimiter));
                text.Append(delimiter.Replace("%", "%%", StringComparison.Ordinal));
            }

            bool isString = types[i] == FormatArgumentType.String;
            components.Add(FormatComponent.Conversion(isString ? ConversionKind.String : ConversionKind.SignedDecimal));
            text.Append(isString ? "%s" : "%d");
        }

        if (newline)
        {
            components.Add(FormatComponent.Literal("\n"));
            text.Append('\n');
        }

        return new CompiledFormat(text.ToString(), components);
    }
}
