using System.Text;
using FlightRec.Compiler.Semantics;

namespace FlightRec.Compiler.Translation;

/// <summary>
/// C# names for script symbols. Prefixes keep script names (which may be C# keywords such as
/// <c>int</c> or <c>string</c>) apart from each other and from the generated helpers.
/// </summary>
internal sealed class NameMangler
{
    private readonly Dictionary<FunctionSymbol, string> _functions = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<VariableSymbol, string> _globals = new(ReferenceEqualityComparer.Instance);

    public string Global(VariableSymbol global)
    {
        if (!_globals.TryGetValue(global, out string? name))
        {
            name = Unique("g_" + Clean(global.Name), _globals.Values);
            _globals[global] = name;
        }

        return name;
    }

    public static string Local(VariableSymbol local) => "l_" + Clean(local.Name);

    public string Function(FunctionSymbol function)
    {
        if (!_functions.TryGetValue(function, out string? name))
        {
            name = Unique("f_" + Clean(function.Name), _functions.Values);
            _functions[function] = name;
        }

        return name;
    }

    private static string Unique(string name, IEnumerable<string> taken)
    {
        var used = taken.ToHashSet(StringComparer.Ordinal);
        string candidate = name;
        for (int i = 2; used.Contains(candidate); i++)
        {
            candidate = $"{name}_{i}";
        }

        return candidate;
    }

    private static string Clean(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (char c in name)
        {
            text.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        }

        return text.ToString();
    }
}
