using FlightRec.Runtime.Providers.Catalogue;
using FlightRec.Compiler.Diagnostics;
using FlightRec.Compiler.Syntax;

namespace FlightRec.Compiler.Semantics;

/// <summary>
/// stap's semantic_pass_optimize1, before type inference: rounds of eliding unreachable
/// functions (opt1), unused variables with the never-assigned warnings (opt2), assignments to
/// variables never read (opt3), side-effect-free statements (opt4) and unused values reduced to
/// their effects (opt5), until a round changes
/// nothing; then probes left empty are dropped. Only the first round's warnings are printed
/// (all rounds' from -vvv). With -u only opt1 and opt5 run. Code no probe reaches is
/// dropped silently first: stap never resolves it, so neither it nor the globals only it names
/// exist for stap.
/// </summary>
public sealed class OptimizerPass : ISemanticPass
{
    public void Run(SemanticContext context)
    {
        var originalBodies = context.Probes.ToDictionary(p => p, p => p.Bodies);
        Reach(context, warn: false);
        var referenced = VariableUse.OfProgram(context);
        foreach (var global in context.Globals.Where(g => !referenced.Read.Contains(g) && !referenced.Written.Contains(g)))
        {
            global.Elided = true;
        }

        bool suppress = context.SuppressWarnings;
        for (int round = 0; ; round++)
        {
            // stap's optimize1: -vvv shows every round's warnings (even over -w); otherwise only the first round's.
            context.SuppressWarnings = context.Verbosity > 2 ? false : suppress || round > 0;
            bool changed = Reach(context, warn: true);
            void Changed() => changed = true;
            if (!context.Unoptimized)
            {
                UnusedVariables(context, round, Changed);
                DeadAssignments(context, Changed);
                DeadStatements(context, Changed);
            }

            VoidStatements(context, Changed);
            TypeInferencePass.Converge(context);

            // Under -W the first warning ends the rounds, as stap's const-folding step reports errors then.
            if (!changed || context.Failed)
            {
                break;
            }
        }

        context.SuppressWarnings = suppress;
        if (!context.Unoptimized)
        {
            ElideEmptyProbes(context, originalBodies);
        }
    }

    /// <summary>Marks what probes reach, transitively; true when a function stopped being reached.</summary>
    private static bool Reach(SemanticContext context, bool warn)
    {
        var reached = new HashSet<FunctionSymbol>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<Node>(context.Probes.SelectMany(p => p.Bodies.Concat<Node>(p.Conditions)));
        while (pending.TryPop(out var body))
        {
            foreach (var call in SyntaxChildren.DescendantsAndSelf(body).OfType<FunctionCall>())
            {
                if (context.Calls.TryGetValue(call, out var target) && reached.Add(target) && target.Body is { } callee)
                {
                    pending.Push(callee);
                }
            }
        }

        bool changed = false;
        foreach (var function in context.Functions.Values.Concat(context.Builtins.Values))
        {
            bool isReached = reached.Contains(function);
            if (warn && function.Used && !isReached && !function.IsBuiltin)
            {
                context.Warn($"Eliding unused function '{function.Name}'", NameToken(function));
                changed = true;
            }

            function.Used = isReached;
            function.Elided = !isReached;
        }

        return changed;
    }

    private static void UnusedVariables(SemanticContext context, int round, Action changed)
    {
        var use = VariableUse.OfProgram(context);
        var liveGlobals = context.Globals.Where(g => !g.Elided).Select(g => g.Name).ToList();
        foreach (var scope in ProbeScopes(context))
        {
            Locals(context, scope.Locals, [], use, round, changed, liveGlobals);
        }

        foreach (var function in context.Functions.Values.Where(f => f.Used))
        {
            Locals(context, function.Locals, function.Parameters.Select(p => p.Name), use, round, changed, liveGlobals);
        }

        foreach (var global in context.Globals.Where(g => !g.Elided))
        {
            if (!use.Read.Contains(global) && !use.Written.Contains(global))
            {
                global.Elided = true;
                context.Warn($"Eliding unused variable '{global.Name}'", GlobalToken(global));
                changed();
            }
            else if (round == 0 && !use.Written.Contains(global) && !Initialized(context, global))
            {
                // stap compares against the mangled name, so the global itself is among the suggestions.
                string similar = SimilarNames.Suggest(global.Name, liveGlobals, 5);
                context.Warn($"never-assigned global variable '{global.Name}'{Similar(similar)}", GlobalToken(global));
            }
        }
    }

    private static void Locals(SemanticContext context, List<VariableSymbol> locals, IEnumerable<string> parameters,
        VariableUse use, int round, Action changed, List<string> globals)
    {
        foreach (var local in locals.Where(l => !l.Elided).ToList())
        {
            if (!use.Read.Contains(local) && !use.Written.Contains(local))
            {
                local.Elided = true;
                context.Warn($"Eliding unused variable '{local.Name}'", local.FirstUse);
                changed();
            }
            else if (round == 0 && !use.Written.Contains(local))
            {
                var names = parameters.Concat(locals.Where(l => !l.Elided).Select(l => l.Name)).Concat(globals)
                    .Where(n => n != local.Name);
                string similar = SimilarNames.Suggest(local.Name, names, 5);
                context.Warn($"never-assigned local variable '{local.Name}'{Similar(similar)}", local.FirstUse);
            }
        }
    }

    private static void DeadAssignments(SemanticContext context, Action changed)
    {
        var use = VariableUse.OfProgram(context);
        foreach (var group in context.Probes.GroupBy(p => p.Scope, ReferenceEqualityComparer.Instance))
        {
            var rewriter = new DeadAssignmentRemover(context, group.First().Scope, use, changed);
            var bodies = group.First().Bodies.Select(b => rewriter.AsBlockOf(b)).ToList();
            foreach (var probe in group)
            {
                probe.Bodies = bodies;
            }
        }

        foreach (var function in context.Functions.Values.Where(f => f.Used && f.Body is Block))
        {
            var rewriter = new DeadAssignmentRemover(context, function.Scope, use, changed);
            function.Body = rewriter.AsBlockOf((Block)function.Body!);
        }
    }

    private static void DeadStatements(SemanticContext context, Action changed)
    {
        var globals = context.Globals.Where(g => !g.Elided).ToHashSet();
        foreach (var group in context.Probes.GroupBy(p => p.Scope, ReferenceEqualityComparer.Instance))
        {
            var scope = group.First().Scope;
            var focal = globals.Concat(scope.Locals).ToHashSet();
            var remover = new DeadStatementRemover(context, scope, focal, changed);
            var bodies = group.First().Bodies.Select(b => remover.AsBlockOf(b)).ToList();
            foreach (var probe in group)
            {
                probe.Bodies = bodies;
            }
        }

        foreach (var function in context.Functions.Values.Where(f => f.Used && f.Body is Block))
        {
            var focal = globals.Concat(function.Locals).Concat(function.Parameters).ToHashSet();
            var remover = new DeadStatementRemover(context, function.Scope, focal, changed);
            var body = (Block)function.Body!;
            var reduced = remover.Statement(body);
            if (reduced is null)
            {
                context.Warn($"side-effect-free function '{function.Name}'", NameToken(function));
            }

            function.Body = reduced as Block ?? body with { Statements = reduced is null ? [] : [reduced] };
        }
    }

    private static void VoidStatements(SemanticContext context, Action changed)
    {
        var globals = context.Globals.Where(g => !g.Elided).ToHashSet();
        foreach (var group in context.Probes.GroupBy(p => p.Scope, ReferenceEqualityComparer.Instance))
        {
            var reducer = new VoidStatementReducer(context, group.First().Scope, globals, changed);
            var bodies = group.First().Bodies.Select(b => reducer.AsBlockOf(b)).ToList();
            foreach (var probe in group)
            {
                probe.Bodies = bodies;
            }
        }

        foreach (var function in context.Functions.Values.Where(f => f.Used && f.Body is Block))
        {
            var reducer = new VoidStatementReducer(context, function.Scope, globals, changed);
            function.Body = reducer.AsBlockOf((Block)function.Body!);
        }
    }

    private static void ElideEmptyProbes(SemanticContext context, Dictionary<ProbeSymbol, IReadOnlyList<Block>> originals)
    {
        foreach (var probe in context.Probes.Where(p => p.Bodies.All(b => b.Statements.Length == 0)).ToList())
        {
            context.Probes.Remove(probe);
            var declaration = context.Script.Probes.Where(d => originals[probe].Contains(d.Body, ReferenceEqualityComparer.Instance))
                .OrderBy(d => d.Kind != AliasKind.None)
                .FirstOrDefault();
            string functor = probe.Point.Split('.', '(')[0];
            context.Warn($"Probe '{functor}' has been elided",
                declaration is null ? null : (declaration.Span with { End = declaration.Span.Start + 5 }, "keyword"));
        }

        if (context.Probes.Count == 0 && !context.Failed)
        {
            context.Diagnostics.Add(Diagnostic.Semantic("no probes found"));
        }
    }

    private static IEnumerable<SymbolScope> ProbeScopes(SemanticContext context) =>
        context.Probes.Select(p => p.Scope).Distinct(ReferenceEqualityComparer.Instance).Cast<SymbolScope>();

    private static string Similar(string names) => names.Length == 0 ? "" : $" (similar: {names})";

    private static bool Initialized(SemanticContext context, VariableSymbol global) =>
        context.Script.Globals.SelectMany(g => g.Variables).Any(v => v.Name == global.Name && v.Initializer is not null)
        || context.GlobalAssignments.Any(a => a.StartsWith(global.Name + "=", StringComparison.Ordinal));

    private static (SourceSpan, string) GlobalToken(VariableSymbol global) =>
        (global.DeclaredAt, TokenDescriber.Identifier(global.Name));

    // stap's functiondecl token is the function's name.
    private static (SourceSpan, string)? NameToken(FunctionSymbol function)
    {
        if (function.DeclaredAt is not { } span)
        {
            return null;
        }

        string text = span.File.Text;
        int at = text.IndexOf(function.Name, Math.Min(span.Start + "function".Length, text.Length), StringComparison.Ordinal);
        if (at < 0)
        {
            return (span, TokenDescriber.Identifier(function.Name));
        }

        int line = span.Line;
        int lineStart = span.Start - (span.Column - 1);
        for (int i = span.Start; i < at; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        var name = new SourceSpan(span.File, at, at + function.Name.Length, line, at - lineStart + 1);
        return (name, TokenDescriber.Identifier(function.Name));
    }
}
