using FlightRec.Compiler.Diagnostics;
using FlightRec.Compiler.Syntax;

namespace FlightRec.Compiler.Semantics;

/// <summary>Everything pass 2 learns about one script, shared by its passes.</summary>
public sealed class SemanticContext(ScriptFile script, DiagnosticBag diagnostics)
{
    public ScriptFile Script { get; } = script;

    /// <summary>-u: nothing is elided.</summary>
    public bool Unoptimized { get; init; }

    /// <summary>-w: warnings are not printed.</summary>
    public bool SuppressWarnings { get; set; }

    /// <summary>-W: any warning fails pass 2.</summary>
    public bool WarningsAreErrors { get; init; }

    /// <summary>-v count: from 1 repeated warnings are all printed, from 3 the optimizer's later rounds too.</summary>
    public int Verbosity { get; init; }

    /// <summary>-G NAME=VALUE: a global set this way counts as assigned.</summary>
    public IReadOnlyList<string> GlobalAssignments { get; init; } = [];

    public DiagnosticBag Diagnostics { get; } = diagnostics;

    /// <summary>Distinct warning texts printed so far (stap's seen_warnings; -W counts them as errors).</summary>
    public HashSet<string> SeenWarnings { get; } = new(StringComparer.Ordinal);

    /// <summary>Warnings left out because the same text was already printed.</summary>
    public int SuppressedWarnings { get; private set; }

    /// <summary>Globals in declaration order.</summary>
    public List<VariableSymbol> Globals { get; } = [];

    /// <summary>Globals in the order resolution first meets them (probes in source order, then functions): stap's -p2 order.</summary>
    public List<VariableSymbol> GlobalsByFirstReference { get; } = [];

    public Dictionary<string, VariableSymbol> GlobalsByName { get; } = new(StringComparer.Ordinal);

    /// <summary>Script functions by name and arity.</summary>
    public Dictionary<(string Name, int Arity), FunctionSymbol> Functions { get; } = [];

    /// <summary>The built-ins the script calls, created on first use.</summary>
    public Dictionary<(string Name, int Arity), FunctionSymbol> Builtins { get; } = [];

    public List<ProbeSymbol> Probes { get; } = [];

    public Dictionary<FunctionCall, FunctionSymbol> Calls { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// The value of an elided assignment, mapped to the assignment: warnings about the statement
    /// it is left as still name the statement's first token, as stap's do.
    /// </summary>
    public Dictionary<Expression, Expression> OriginalStatementStart { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// stap's print_warning: nothing under -w; a text already printed is only counted (for
    /// "Number of similar warning messages suppressed") unless -v was given.
    /// </summary>
    public void Warn(string message, (SourceSpan Span, string Token)? at)
    {
        if (SuppressWarnings)
        {
            return;
        }

        if (Verbosity > 0 || SeenWarnings.Add(message))
        {
            SeenWarnings.Add(message);
            Diagnostics.Add(Diagnostic.Warning(message, at?.Span, at?.Token));
        }
        else
        {
            SuppressedWarnings++;
        }
    }

    /// <summary>stap's num_errors: under -W every distinct warning counts.</summary>
    public bool Failed => Diagnostics.HasErrors || (WarningsAreErrors && SeenWarnings.Count > 0);

    public void Error(string message, Node at) => Error(message, TokenDescriber.Describe(at));

    public void Error(string message, (SourceSpan Span, string Token) at) =>
        Diagnostics.Add(Diagnostic.Semantic(message, at.Span, at.Token));

    /// <summary>An error followed by stap's chained second block (e.g. "type was first inferred here").</summary>
    public void Error(string message, (SourceSpan Span, string Token) at, string chained, (SourceSpan Span, string Token)? origin)
    {
        Error(message, at);
        if (origin is { } o)
        {
            Error(chained, o);
        }
    }
}
