namespace FlightRec.Compiler.Semantics;

internal static class DerivedLocations
{
    /// <summary>
    /// stap's derived_locations(false): the points the probe was derived from, the script's own
    /// point first, then each alias met on the way, joined by " from: " (<c>foo from: foo</c>).
    /// The derivation holds whole signatures (<c>foo = begin</c>, <c>timer.ms(10),begin</c>); the
    /// first point of each stands for it, as the probes of one body share one scope.
    /// </summary>
    public static string Of(ProbeSymbol probe)
    {
        var points = probe.Derivation.Split(" <- ", StringSplitOptions.RemoveEmptyEntries)
            .Select(signature => FirstPoint(signature.Split(" = ")[0]));
        return string.Join(" from: ", points);
    }

    // The text up to the first comma outside parentheses and string literals.
    private static string FirstPoint(string signature)
    {
        int depth = 0;
        bool quoted = false;
        for (int i = 0; i < signature.Length; i++)
        {
            char c = signature[i];
            if (quoted)
            {
                quoted = !(c == '"' && signature[i - 1] != '\\');
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == '(')
            {
                depth++;
            }
            else if (c == ')')
            {
                depth--;
            }
            else if (c == ',' && depth == 0)
            {
                return signature[..i].Trim();
            }
        }

        return signature.Trim();
    }
}
