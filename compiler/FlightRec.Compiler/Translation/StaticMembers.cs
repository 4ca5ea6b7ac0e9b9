using FlightRec.Runtime.Formatting;

namespace FlightRec.Compiler.Translation;

/// <summary>
/// The static fields of a generated module: compiled printf formats and print layouts, made
/// once when the module loads (as the hand-written modules do), shared by equal uses.
/// </summary>
internal sealed class StaticMembers
{
    private readonly Dictionary<string, string> _fields = new(StringComparer.Ordinal);
    private readonly List<string> _declarations = [];

    public IReadOnlyList<string> Declarations => _declarations;

    /// <summary>A printf format; null when the runtime refuses it (pass 2 reports those).</summary>
    public string? Format(string unescaped)
    {
        if (!FormatString.Parse(unescaped).Success)
        {
            return null;
        }

        return Field("Format", "CompiledFormat", $"FormatString.Parse({CSharpText.String(unescaped)}).Format!");
    }

    /// <summary>The layout of print/println (<paramref name="delimiter"/> null) or printd/printdln.</summary>
    public string Print(IReadOnlyList<FormatArgumentType> types, bool newline, string? delimiter)
    {
        string list = "[" + string.Join(", ", types.Select(t => "FormatArgumentType." + t)) + "]";
        string newlineText = newline ? "true" : "false";
        string init = delimiter is null
            ? $"PrintFormats.Print({list}, newline: {newlineText})"
            : $"PrintFormats.PrintDelimited({CSharpText.String(delimiter)}, {list}, newline: {newlineText})";
        return Field("Print", "CompiledFormat", init);
    }

    /// <summary>A compiled <c>=~</c> literal; <paramref name="pattern"/> is the literal's text with its escapes, as stap's regex compiler reads it.</summary>
    public string Regex(string pattern) => Field("Regex", "ScriptRegex", $"new ScriptRegex({CSharpText.String(pattern)})");

    public string Stats(string descriptor) => Field("Stats", "StatsDescriptor", descriptor);

    /// <summary>
    /// What a foreach over an array of aggregates sorts values by: <c>@count</c> unless the loop
    /// names another extractor (<c>@variance</c> sorts like <c>@count</c>). Empty elements sort as 0.
    /// </summary>
    public string SortKey(Syntax.StatisticKind? kind)
    {
        string read = kind switch
        {
            Syntax.StatisticKind.Sum => "v.ReadElement().Sum",
            Syntax.StatisticKind.Min => "v.ReadElement() is var s && !s.IsEmpty ? s.Min() : 0",
            Syntax.StatisticKind.Max => "v.ReadElement() is var s && !s.IsEmpty ? s.Max() : 0",
            Syntax.StatisticKind.Avg => "v.ReadElement() is var s && !s.IsEmpty ? s.Avg() : 0",
            _ => "v.ReadElement().Count",
        };
        return Field("SortBy", "MapValueSortKey<StatsValue>", $"(in StatsValue v) => {read}");
    }

    private string Field(string prefix, string type, string initializer)
    {
        if (!_fields.TryGetValue(initializer, out string? name))
        {
            name = $"{prefix}{_fields.Count}";
            _fields[initializer] = name;
            _declarations.Add($"private static readonly {type} {name} = {initializer};");
        }

        return name;
    }
}
