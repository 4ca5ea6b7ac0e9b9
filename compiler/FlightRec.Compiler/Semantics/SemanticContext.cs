using FlightRec.Compiler.Diagnostics;
using FlightRec.Compiler.Parsing;
using FlightRec.Compiler.Syntax;
using FlightRec.Runtime.Providers.Catalogue;

namespace FlightRec.Compiler.Semantics;

/// <summary>Everything pass 2 learns about one script, shared by its passes.</summary>
public sealed class SemanticContext(ScriptFile script, DiagnosticBag diagnostics)
{
    /// <summary>The user's script.</summary>
    public ScriptFile Script { get; } = script;

    /// <summary>The user's script, then every tapset file the program needs, in the order they were pulled in.</summary>
    public List<ScriptFile> Files { get; } = [script];

    /// <summary>Every parsed tapset file; <see cref="TapsetPass"/> moves the needed ones into <see cref="Files"/>.</summary>
    public TapsetLibrary Library { get; init; } = TapsetLibrary.Empty;

    /// <summary>-g: guru mode, which unlocks tapset functions marked <c>/* guru */</c>.</summary>
    public bool Guru { get; init; }

    /// <summary>The probe families the runtime can arm.</summary>
    public ProbeCatalogue Catalogue { get; init; } = ProbeCatalogue.CreateDefault();

    /// <summary>Alias suffixes (PR12210) exist from --compatible=2.0 on.</summary>
    public bool SuffixesAllowed { get; init; } = true;

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

    /// <summary>Private globals, visible only in the file that declares them.</summary>
    public Dictionary<(SourceFile File, string Name), VariableSymbol> PrivateGlobals { get; } = [];

    /// <summary>Private functions, callable only from the file that declares them.</summary>
    public Dictionary<(SourceFile File, string Name, int Arity), FunctionSymbol> PrivateFunctions { get; } = [];

    /// <summary>Every script and tapset function, public ones first.</summary>
    public IEnumerable<FunctionSymbol> AllFunctions => Functions.Values.Concat(PrivateFunctions.Values);

    /// <summary>The global a name means in a file: its own private one, else a public one.</summary>
    public VariableSymbol? GlobalFor(SourceFile file, string name) =>
        PrivateGlobals.GetValueOrDefault((file, name)) ?? GlobalsByName.GetValueOrDefault(name);

    /// <summary>The script function a call in a file reaches: its own private one, else a public one.</summary>
    public FunctionSymbol? FunctionFor(SourceFile file, string name, int arity) =>
        PrivateFunctions.GetValueOrDefault((file, name, arity)) ?? Functions.GetValueOrDefault((name, arity));

    /// <summary>The built-ins the script calls, created on first use.</summary>
    public Dictionary<(string Name, int Arity), FunctionSymbol> Builtins { get; } = [];

    public List<ProbeSymbol> Probes { get; } = [];

    /// <summary>The type of each resolved target variable expression (<c>$field</c>, <c>$array[i]</c>).</summary>
    public Dictionary<Expression, SemanticType> TargetTypes { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>Target expressions that cannot be resolved, with the error to report if the optimizer keeps them.</summary>
    public Dictionary<Expression, (string Message, Node At)> TargetErrors { get; } = new(ReferenceEqualityComparer.Instance);

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
        // stap's optimizer works on tapset code silently: its warnings are for the user's script.
        if (SuppressWarnings || (at is { } where && where.Span.File != Script.Source))
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
