using FlightRec.Compiler.Semantics;
using FlightRec.Compiler.Syntax;

namespace FlightRec.Compiler.Translation;

/// <summary>What every emitter of one module shares: the program, names, static fields and aggregate shapes.</summary>
internal sealed class ModuleState(SemanticContext program)
{
    public SemanticContext Program { get; } = program;

    public NameMangler Names { get; } = new();

    public StaticMembers Statics { get; init; } = new();

    public ExpressionTypes Types { get; } = new(program);

    /// <summary>The module's limits after -D: MAXSTRINGLEN is fixed when the module is built.</summary>
    public Runtime.Execution.ScriptLimits Limits { get; init; } = Runtime.Execution.ScriptLimits.Default;

    /// <summary>
    /// The tracepoint fields handlers read, by slot (ProbeDescriptor.TargetFields): one table for
    /// the whole module, since a wildcard's events share a handler but not their field offsets.
    /// </summary>
    public List<string> TargetFields { get; } = [];

    /// <summary>The C# name of the static table of <see cref="TargetFields"/>.</summary>
    public const string TargetFieldTable = "TargetFieldNames";

    public int TargetFieldSlot(string name)
    {
        int slot = TargetFields.IndexOf(name);
        if (slot < 0)
        {
            TargetFields.Add(name);
            slot = TargetFields.Count - 1;
        }

        return slot;
    }

    /// <summary>The StatsDescriptor field of each aggregate (scalar or array of aggregates).</summary>
    public Dictionary<VariableSymbol, string> StatsDescriptors { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>The C# type of a key tuple: <c>Key2&lt;long, string&gt;</c>.</summary>
    public static string KeyType(VariableSymbol array, Node at)
    {
        if (array.Arity is not (>= 1 and <= 9))
        {
            throw new NotTranslatedException($"an array of {array.Arity} indexes", at);
        }

        return $"Key{array.Arity}<{string.Join(", ", array.IndexTypes.Select(t => ValueType(t, at)))}>";
    }

    /// <summary>long or string; statistics are not plain values.</summary>
    public static string ValueType(SemanticType type, Node at) => type switch
    {
        SemanticType.Long => "long",
        SemanticType.String => "string",
        SemanticType.Stats => "StatsValue",
        _ => throw new NotTranslatedException("a value of unknown type", at),
    };

    public static string DefaultValue(SemanticType type) => type == SemanticType.String ? "\"\"" : "0";
}
