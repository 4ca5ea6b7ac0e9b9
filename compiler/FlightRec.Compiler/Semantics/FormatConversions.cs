namespace FlightRec.Compiler.Semantics;

/// <summary>
/// The argument types a printf format asks for (LANGUAGE.md §6.1): <c>%s</c> string, the
/// numeric conversions long, <c>*</c> width or precision long, <c>%%</c> nothing.
/// </summary>
public static class FormatConversions
{
    public static List<SemanticType> ArgumentTypes(string format)
    {
        var types = new List<SemanticType>();
        for (int i = 0; i < format.Length; i++)
        {
            if (format[i] != '%')
            {
                continue;
            }

            i++;
            if (i < format.Length && format[i] == '%')
            {
                continue;
            }

            while (i < format.Length && "-+ #0".Contains(format[i]))
            {
                i++;
            }

            i = Number(format, i, types);
            if (i < format.Length && format[i] == '.')
            {
                i = Number(format, i + 1, types);
            }

            while (i < format.Length && format[i] is 'l' or 'h')
            {
                i++;
            }

            if (i < format.Length)
            {
                types.Add(format[i] == 's' ? SemanticType.String : SemanticType.Long);
            }
        }

        return types;
    }

    private static int Number(string format, int i, List<SemanticType> types)
    {
        if (i < format.Length && format[i] == '*')
        {
            types.Add(SemanticType.Long);
            return i + 1;
        }

        while (i < format.Length && char.IsAsciiDigit(format[i]))
        {
            i++;
        }

        return i;
    }
}
