using FlightRec.Compiler.Diagnostics;
using FlightRec.Compiler.Semantics;
using FlightRec.Compiler.Syntax;

namespace FlightRec.Compiler.Translation;

/// <summary>
/// C# for the statements of one probe handler or script function. Every statement is preceded
/// by a <c>#line</c> directive. MAXACTION is charged where stap's translator charges it (see
/// <see cref="ActionCounter"/>): after expression statements and deletes, at the start of if,
/// loops and try, at the end of each branch and loop body, before jumps, after calls.
/// </summary>
internal sealed class StatementEmitter
{
    private readonly ModuleState _module;
    private readonly SymbolScope _scope;
    private readonly CodeWriter _code;
    private readonly bool _inFunction;
    private readonly ExpressionEmitter _expressions;
    private readonly Stack<LoopLabels> _loops = new();
    private int _names;

    public StatementEmitter(ModuleState module, SymbolScope scope, CodeWriter code, bool inFunction, ActionCounter actions)
    {
        _module = module;
        _scope = scope;
        _code = code;
        _inFunction = inFunction;
        Actions = actions;
        _expressions = new(module, scope) { Actions = actions };
    }

    public ExpressionEmitter Expressions => _expressions;

    public ActionCounter Actions { get; }

    /// <summary>True once a <c>return</c> jumped to the function's exit label.</summary>
    public bool ReturnUsed { get; private set; }

    /// <summary>
    /// In a combined probe handler stap turns <c>next</c> into an error carrying this sentinel,
    /// which the body's own catch recognises (and which a script catch in between takes, as in
    /// stap). Null: <c>next</c> ends the handler.
    /// </summary>
    public string? NextSentinel { get; init; }

    public void Emit(Statement statement)
    {
        switch (statement)
        {
            case Block block:
                foreach (var inner in block.Statements)
                {
                    Emit(inner);
                }

                break;
            case NullStatement:
                break;
            case ExpressionStatement e:
                _code.Source(e.Span);
                _code.Line(_expressions.Statement(e.Expression) + ";");
                Charge(1, e);
                break;
            case IfStatement i:
                EmitIf(i);
                break;
            case ForStatement f:
                EmitFor(f);
                break;
            case ForeachStatement fe:
                EmitForeach(fe);
                break;
            case BreakStatement:
                _code.Source(statement.Span);
                Charge(1, statement, flush: true);
                _code.Line("break;");
                break;
            case ContinueStatement:
                _code.Source(statement.Span);
                Charge(1, statement, flush: true);
                EmitContinue();
                break;
            case NextStatement when !_inFunction:
                _code.Source(statement.Span);
                if (NextSentinel is not null)
                {
                    Charge(1, statement); // stap's added statement that sets the sentinel
                }

                Charge(1, statement, flush: true);
                EmitNext();
                break;
            case NextStatement:
                // In a function: give way to the next overload; there is none, so the caller fails (CheckNext).
                _code.Source(statement.Span);
                Charge(1, statement, flush: true);
                ReturnUsed = true;
                _code.Line("ctx.RequestNext();");
                _code.Line("goto Return;");
                break;
            case ReturnStatement r:
                EmitReturn(r);
                break;
            case DeleteStatement d:
                _code.Source(d.Span);
                _code.Line(Delete(d.Target) + ";");
                Charge(1, d);
                break;
            case TryStatement t:
                EmitTry(t);
                break;
            default:
                throw new NotTranslatedException($"this {statement.GetType().Name}", statement);
        }
    }

    /// <summary>The token stap charges at for <paramref name="statement"/>: a block its optimizer reduced to one statement is that statement.</summary>
    public (SourceSpan Span, string Token) Token(Statement statement) =>
        statement is Block { Statements.Length: 1 } single && !_module.Program.Unoptimized
            ? Token(single.Statements[0])
            : StatementTokens.Describe(statement);

    /// <summary>Writes stap's record_actions(actions, token, flush) charge, if it emits one here.</summary>
    public void Charge(long actions, Statement at, bool flush = false) => Charge(actions, Token(at), flush);

    public void Charge(long actions, (SourceSpan Span, string Token) token, bool flush = false) => Charge(Actions.Record(actions, token, flush));

    private void Charge(string? charge)
    {
        if (charge is not null)
        {
            _code.Line(charge + ";");
        }
    }

    private void EmitIf(IfStatement statement)
    {
        _code.Source(statement.Span);
        Charge(1, statement, flush: true);
        _code.Open($"if ({_expressions.Condition(statement.Condition)})");
        Emit(statement.Then);
        Charge(0, statement.Then, flush: true);
        _code.Close();
        if (statement.Else is { } otherwise)
        {
            _code.Open("else");
            Emit(otherwise);
            Charge(0, otherwise, flush: true);
            _code.Close();
        }
    }

    /// <summary>
    /// stap's layout: init; charge; TOP: count 1; test; body; charge; CONTINUE: incr; goto TOP.
    /// The increment's own count is carried past the loop, so it is charged once, afterwards.
    /// </summary>
    private void EmitFor(ForStatement loop)
    {
        _code.Source(loop.Span);
        if (loop.Init is { } init)
        {
            _code.Line(_expressions.Statement(init) + ";");
            Charge(Actions.Record(1, StatementTokens.FirstToken(init.Span)));
        }

        Charge(1, loop, flush: true);
        _code.Open("while (true)");
        Charge(1, loop);
        if (loop.Condition is not null)
        {
            _code.Line($"if (!({_expressions.Condition(loop.Condition)}))");
            _code.Line("    break;");
        }

        var labels = new LoopLabels(loop.Increment is null ? null : $"Continue{_names++}");
        _loops.Push(labels);
        Emit(loop.Body);
        _loops.Pop();
        Charge(0, loop.Body, flush: true);
        if (loop.Increment is { } increment)
        {
            if (labels.Used)
            {
                _code.Line(labels.Continue + ":");
            }

            _code.Source(increment.Span);
            _code.Line(_expressions.Statement(increment) + ";");
            Charge(Actions.Record(1, StatementTokens.FirstToken(increment.Span)));
        }

        _code.Close();
    }

    private void EmitContinue()
    {
        if (_loops.TryPeek(out var loop) && loop.Continue is { } label)
        {
            loop.Used = true;
            _code.Line($"goto {label};");
        }
        else
        {
            _code.Line("continue;");
        }
    }

    private void EmitNext()
    {
        if (NextSentinel is null)
        {
            _code.Line("return;");
            return;
        }

        _code.Line($"throw new ScriptError({CSharpText.String(NextSentinel)});");
    }

    private void EmitForeach(ForeachStatement loop)
    {
        if (loop.Source is HistogramExpression histogram)
        {
            EmitHistogramForeach(loop, histogram);
            return;
        }

        if (loop.Source is not Variable source)
        {
            throw new NotTranslatedException("foreach over this expression", loop);
        }

        var array = _expressions.Symbol(source);
        var variables = _scope.ForeachVariables[loop];
        string order = loop.Sort switch
        {
            SortDirection.None => "MapOrder.Unsorted",
            _ when loop.SortColumn == 0 => $"MapOrder.ByValue(descending: {Descending(loop)})",
            _ => $"MapOrder.ByKey({loop.SortColumn - 1}, descending: {Descending(loop)})",
        };
        int n = _names++;
        string entry = $"e{n}";
        _code.Source(loop.Span);
        Charge(1, loop, flush: true);

        // stap evaluates the limit once, before the slice's fixed indexes.
        string limit = "";
        if (loop.Limit is Literal || (loop.Limit is not null && (loop.Slice.IsDefaultOrEmpty || loop.Slice.All(i => i is null))))
        {
            limit = $", limit: {_expressions.Value(loop.Limit)}";
        }
        else if (loop.Limit is not null)
        {
            _code.Line($"long limit{n} = {_expressions.Value(loop.Limit)};");
            limit = $", limit: limit{n}";
        }

        if (array.Type == SemanticType.Stats && loop.Sort != SortDirection.None && loop.SortColumn == 0)
        {
            limit += $", valueSortKey: {_module.Statics.SortKey(loop.SortAggregate)}";
        }

        var sliceTests = new List<string>();
        for (int i = 0; !loop.Slice.IsDefaultOrEmpty && i < loop.Slice.Length; i++)
        {
            if (loop.Slice[i] is { } fixedIndex)
            {
                string type = ModuleState.ValueType(array.IndexTypes[i], loop);
                _code.Line($"{type} slice{n}_{i} = {_expressions.Value(fixedIndex)};");
                sliceTests.Add($"{entry}.Key.K{i + 1} != slice{n}_{i}");
            }
        }

        _code.Open($"foreach (var {entry} in {_expressions.Reference(array)}.Iterate({order}{limit}))");
        Charge(1, loop);
        for (int i = 0; i < loop.Keys.Length; i++)
        {
            _code.Line($"{NameMangler.Local(variables[i])} = {entry}.Key.K{i + 1};");
        }

        // As in stap, elements outside the slice still count towards the limit and still set
        // the key variables; only the value and the body are skipped.
        if (sliceTests.Count > 0)
        {
            _code.Line($"if ({string.Join(" || ", sliceTests)}) continue;");
        }

        if (loop.ValueVariable is not null)
        {
            if (array.Type == SemanticType.Stats)
            {
                throw new NotTranslatedException("a foreach value variable of an array of aggregates", loop);
            }

            _code.Line($"{NameMangler.Local(variables[^1])} = {entry}.Value;");
        }

        _loops.Push(new LoopLabels(null));
        Emit(loop.Body);
        _loops.Pop();
        Charge(0, loop.Body, flush: true);
        _code.Close();
    }

    /// <summary>
    /// <c>foreach ([b] in @hist_log(s) limit n)</c> and <c>foreach (c = [b] in …)</c>: every bucket
    /// index in order, empty buckets included, over one read of the aggregate (stap's translator
    /// ignores a sort here).
    /// </summary>
    private void EmitHistogramForeach(ForeachStatement loop, HistogramExpression histogram)
    {
        var variables = _scope.ForeachVariables[loop];
        if (loop.Keys.Length != 1 || variables[0].Type != SemanticType.Long)
        {
            throw new NotTranslatedException("this indexing of a histogram", loop);
        }

        int n = _names++;
        string bucket = NameMangler.Local(variables[0]);
        _code.Source(loop.Span);
        Charge(1, loop, flush: true);
        if (loop.Limit is not null)
        {
            _code.Line($"long limit{n} = {_expressions.Value(loop.Limit)};");
            _code.Line($"long visited{n} = 0;");
        }

        _code.Line($"var h{n} = {_expressions.Histogram(histogram)};");
        _code.Open($"for ({bucket} = 0; {bucket} < h{n}.BucketCount; {bucket}++)");
        Charge(1, loop);
        if (loop.Limit is not null)
        {
            _code.Line($"if (visited{n}++ >= limit{n}) break;");
        }

        if (loop.ValueVariable is not null)
        {
            _code.Line($"{NameMangler.Local(variables[^1])} = h{n}[(int){bucket}];");
        }

        _loops.Push(new LoopLabels(null));
        Emit(loop.Body);
        _loops.Pop();
        Charge(0, loop.Body, flush: true);
        _code.Close();
    }

    private static string Descending(ForeachStatement loop) => loop.Sort == SortDirection.Descending ? "true" : "false";

    private void EmitReturn(ReturnStatement statement)
    {
        _code.Source(statement.Span);
        if (!_inFunction)
        {
            Charge(1, statement, flush: true);
            EmitNext();
            return;
        }

        ReturnUsed = true;
        if (statement.Value is { } value)
        {
            _code.Line($"result = {_expressions.Value(value)};");
        }

        Charge(1, statement, flush: true);
        _code.Line("goto Return;");
    }

    /// <summary>
    /// try/catch as stap translates it: a catch takes any catchable error of the try block,
    /// including errors in functions it called (whose frames are dropped), unless the MAXACTION
    /// budget is used up; the catch variable gets the bare message; entering the catch costs 1.
    /// </summary>
    private void EmitTry(TryStatement statement)
    {
        _code.Source(statement.Span);
        Charge(0, statement, flush: true);
        int id = _names++;
        _code.Open("// try");
        _code.Line($"int depth{id} = ctx.Depth;");
        _code.Open("try");
        Emit(statement.Try);
        Charge(0, statement.Try, flush: true);
        _code.Close();
        _code.Open($"catch (ScriptError error{id}) when (ctx.Catches(error{id}))");
        _code.Line($"ctx.RestoreDepth(depth{id});");
        if (_scope.CatchVariables.TryGetValue(statement, out var variable) && !variable.Elided)
        {
            _code.Line($"{_expressions.Reference(variable)} = ScriptString.Truncate(error{id}.Message, ctx.Session.Limits.MaxStringLength);");
        }

        Charge(1, statement, flush: true);
        Emit(statement.Catch);
        Charge(0, statement.Catch, flush: true);
        _code.Close();
        _code.Close();
    }

    private string Delete(Expression target)
    {
        switch (target)
        {
            case Variable v:
                var symbol = _expressions.Symbol(v);
                string name = _expressions.Reference(symbol);
                return symbol.IsArray || symbol.Type == SemanticType.Stats
                    ? $"{name}.Clear()"
                    : $"{name} = {ModuleState.DefaultValue(symbol.Type)}";
            case ArrayIndex index when ExpressionEmitter.IsSlice(index):
                var sliced = _expressions.Symbol(index);
                var (pattern, mask) = _expressions.Slice(index, sliced);
                return $"{_expressions.Reference(sliced)}.RemoveMatches({pattern}, {mask})";
            case ArrayIndex index:
                var array = _expressions.Symbol(index);
                return $"{_expressions.Reference(array)}.Remove({_expressions.Key(index, array)})";
            default:
                throw new NotTranslatedException("delete of this expression", target);
        }
    }

    /// <summary>Where <c>continue</c> goes in the innermost loop: a label before a for loop's increment, or null for C#'s own.</summary>
    private sealed class LoopLabels(string? label)
    {
        public string? Continue { get; } = label;

        public bool Used { get; set; }
    }
}
