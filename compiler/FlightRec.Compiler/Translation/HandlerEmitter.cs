using FlightRec.Compiler.Semantics;
using FlightRec.Compiler.Syntax;

namespace FlightRec.Compiler.Translation;

/// <summary>
/// The body of one probe handler method: the probe's locals, its condition, its bodies, and the
/// MAXACTION accounting around them as stap's translator does it (one entry check for a body
/// whose statement count is bounded, charges inside otherwise). Several probes of one point
/// share a handler when stap combines them (<see cref="ProbeCombiner"/>).
/// </summary>
internal sealed class HandlerEmitter(ModuleState module, CodeWriter code)
{
    /// <summary>What stap's combined handler puts in place of <c>next</c> (elaborate.cxx, semantic_pass_opt8).</summary>
    public const string NextSentinel = "__SYSTEMTAP_NEXT__";

    /// <summary>One probe: <c>if (!(condition)) next;</c> first, as stap inlines probe conditions, then the bodies.</summary>
    public void Emit(ProbeSymbol probe)
    {
        var bodies = Bodies(probe);
        var (actions, bound) = Counter(new Block(probe.Bodies[0].Span, [.. bodies]));
        DeclareLocals(probe.Locals);
        EntryCheck(bound);
        var statements = new StatementEmitter(module, probe.Scope, code, inFunction: false, actions);
        foreach (var body in bodies)
        {
            statements.Emit(body);
        }

        statements.Charge(0, EndToken(probe, statements), flush: true);
    }

    /// <summary>
    /// Probes of one point in one handler, as stap 5.6 combines them: each body runs in a
    /// try/catch so that its error or <c>next</c> does not stop the next body; the last error
    /// caught is raised again once all have run (one error for the handler). stap reports it near
    /// the last statement location it recorded; the error's own location is the usual one.
    /// </summary>
    public void EmitCombined(IReadOnlyList<ProbeSymbol> probes)
    {
        var bounds = new ActionBound(module.Program);
        long? bound = 1 + 3;
        foreach (var probe in probes)
        {
            bound += bounds.Of(new Block(probe.Bodies[0].Span, [.. probe.Bodies]), nextCost: 2) + 2;
        }

        var actions = new ActionCounter(enabled: bound is null);
        var first = probes[0].Bodies[0];
        code.Line("string combinedError = \"\";");
        code.Line("string combinedNear = null;");
        EntryCheck(bound);
        Charge(actions.Record(1, StatementTokens.Describe(first)));
        for (int i = 0; i < probes.Count; i++)
        {
            var probe = probes[i];
            var body = new Block(probe.Bodies[0].Span, [.. probe.Bodies]);
            var statements = new StatementEmitter(module, probe.Scope, code, inFunction: false, actions) { NextSentinel = NextSentinel };
            code.Open($"// probe {probe.Point}, body {i + 1} of {probes.Count}");
            DeclareLocals(probe.Locals);
            statements.Charge(0, body, flush: true);
            code.Open("try");
            foreach (var part in probe.Bodies)
            {
                statements.Emit(part);
            }

            statements.Charge(0, body, flush: true);
            code.Close();
            code.Open("catch (ScriptError combinedCaught) when (ctx.Catches(combinedCaught))");
            code.Line("ctx.RestoreDepth(0);");
            statements.Charge(1, body, flush: true);
            statements.Charge(1, body, flush: true);
            code.Open($"if (combinedCaught.Message != {CSharpText.String(NextSentinel)})");
            code.Line("combinedError = combinedCaught.Message;");
            code.Line("combinedNear = combinedCaught.Near;");
            statements.Charge(1, body);
            statements.Charge(0, body, flush: true);
            code.Close();
            code.Close();
            code.Close();
        }

        code.Generated();
        Charge(actions.Record(1, StatementTokens.Describe(first), flush: true));
        code.Open("if (combinedError != \"\")");
        Charge(actions.Record(2, StatementTokens.Describe(first), flush: true));
        code.Line("throw new ScriptError(combinedError, combinedNear);");
        code.Close();
        Charge(actions.Record(0, StatementTokens.Describe(first), flush: true));
    }

    /// <summary>The bodies with the probe's conditions in front: <c>if (!(c1 &amp;&amp; c2)) next;</c>.</summary>
    private static List<Statement> Bodies(ProbeSymbol probe)
    {
        var bodies = new List<Statement>();
        if (probe.Conditions.Count > 0)
        {
            var condition = probe.Conditions.Skip(1).Aggregate(probe.Conditions[0], (all, c) => new BinaryExpression(all.Span, "&&", all, c));
            var span = probe.Conditions[0].Span;
            bodies.Add(new IfStatement(span, new UnaryExpression(span, "!", condition), new NextStatement(span), null));
        }

        bodies.AddRange(probe.Bodies);
        return bodies;
    }

    /// <summary>A bounded body is checked once on entry and charges nothing inside; an unbounded one charges as it goes.</summary>
    private (ActionCounter Actions, long? Bound) Counter(Node body)
    {
        long? bound = new ActionBound(module.Program).Of(body);
        return (new ActionCounter(enabled: bound is null), bound);
    }

    private void EntryCheck(long? bound)
    {
        if (bound is { } n)
        {
            code.Line($"ctx.Require({n}, null);");
        }
    }

    private void Charge(string? charge)
    {
        if (charge is not null)
        {
            code.Line(charge + ";");
        }
    }

    /// <summary>stap charges what is left at the end of the body at the body's token: with aliases, the first block's.</summary>
    private static (Diagnostics.SourceSpan Span, string Token) EndToken(ProbeSymbol probe, StatementEmitter statements) =>
        probe.Bodies.Count == 1 ? statements.Token(probe.Bodies[0]) : StatementTokens.Describe(probe.Bodies[0]);

    public void DeclareLocals(IEnumerable<VariableSymbol> locals)
    {
        foreach (var local in locals.Where(l => !l.Elided))
        {
            if (local.IsArray || local.Type == SemanticType.Stats)
            {
                throw new NotTranslatedException("a local array or aggregate", new NullStatement(local.DeclaredAt));
            }

            var type = local.Type == SemanticType.String ? SemanticType.String : SemanticType.Long;
            code.Line($"{ModuleState.ValueType(type, new NullStatement(local.DeclaredAt))} {NameMangler.Local(local)} = {ModuleState.DefaultValue(type)};");
        }
    }
}
