using FlightRec.Compiler.Semantics;
using FlightRec.Compiler.Syntax;

namespace FlightRec.Compiler.Translation;

/// <summary>
/// C# for the statements of one probe handler or script function. Every statement is preceded
/// by a <c>#line</c> directive. Each loop iteration charges MAXACTION for the statements its
/// body runs plus the loop test, as the hand-written modules do.
/// </summary>
internal sealed class StatementEmitter(ModuleState module, SymbolScope scope, CodeWriter code, bool inFunction)
{
    private readonly ExpressionEmitter _expressions = new(module, scope);
    private int _loops;

    public ExpressionEmitter Expressions => _expressions;

    /// <summary>True once a <c>return</c> jumped to the function's exit label.</summary>
    public bool ReturnUsed { get; private set; }

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
                code.Source(e.Span);
                code.Line(_expressions.Statement(e.Expression) + ";");
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
                code.Source(statement.Span);
                code.Line("break;");
                break;
            case ContinueStatement:
                code.Source(statement.Span);
                code.Line("continue;");
                break;
            case NextStatement when !inFunction:
                code.Source(statement.Span);
                code.Line("return;");
                break;
            case ReturnStatement r:
                EmitReturn(r);
                break;
            case DeleteStatement d:
                code.Source(d.Span);
                code.Line(Delete(d.Target) + ";");
                break;
            case TryStatement:
                throw new NotTranslatedException("try/catch", statement);
            default:
                throw new NotTranslatedException($"this {statement.GetType().Name}", statement);
        }
    }

    private void EmitIf(IfStatement statement)
    {
        code.Source(statement.Span);
        code.Open($"if ({_expressions.Condition(statement.Condition)})");
        Emit(statement.Then);
        code.Close();
        if (statement.Else is { } otherwise)
        {
            code.Open("else");
            Emit(otherwise);
            code.Close();
        }
    }

    private void EmitFor(ForStatement loop)
    {
        code.Source(loop.Span);
        string init = loop.Init is null ? "" : _expressions.Statement(loop.Init);
        string condition = loop.Condition is null ? "" : _expressions.Condition(loop.Condition);
        string increment = loop.Increment is null ? "" : _expressions.Statement(loop.Increment);
        code.Open($"for ({init}; {condition}; {increment})");
        Charge(loop, loop.Body);
        Emit(loop.Body);
        code.Close();
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
        var variables = scope.ForeachVariables[loop];
        string order = loop.Sort switch
        {
            SortDirection.None => "MapOrder.Unsorted",
            _ when loop.SortColumn == 0 => $"MapOrder.ByValue(descending: {Descending(loop)})",
            _ => $"MapOrder.ByKey({loop.SortColumn - 1}, descending: {Descending(loop)})",
        };
        int n = _loops++;
        string entry = $"e{n}";
        code.Source(loop.Span);

        // stap evaluates the limit once, before the slice's fixed indexes.
        string limit = "";
        if (loop.Limit is Literal || (loop.Limit is not null && (loop.Slice.IsDefaultOrEmpty || loop.Slice.All(i => i is null))))
        {
            limit = $", limit: {_expressions.Value(loop.Limit)}";
        }
        else if (loop.Limit is not null)
        {
            code.Line($"long limit{n} = {_expressions.Value(loop.Limit)};");
            limit = $", limit: limit{n}";
        }

        if (array.Type == SemanticType.Stats && loop.Sort != SortDirection.None && loop.SortColumn == 0)
        {
            limit += $", valueSortKey: {module.Statics.SortKey(loop.SortAggregate)}";
        }

        var sliceTests = new List<string>();
        for (int i = 0; !loop.Slice.IsDefaultOrEmpty && i < loop.Slice.Length; i++)
        {
            if (loop.Slice[i] is { } fixedIndex)
            {
                string type = ModuleState.ValueType(array.IndexTypes[i], loop);
                code.Line($"{type} slice{n}_{i} = {_expressions.Value(fixedIndex)};");
                sliceTests.Add($"{entry}.Key.K{i + 1} != slice{n}_{i}");
            }
        }

        code.Open($"foreach (var {entry} in {_expressions.Reference(array)}.Iterate({order}{limit}))");
        Charge(loop, loop.Body);
        for (int i = 0; i < loop.Keys.Length; i++)
        {
            code.Line($"{NameMangler.Local(variables[i])} = {entry}.Key.K{i + 1};");
        }

        // As in stap, elements outside the slice still count towards the limit and still set
        // the key variables; only the value and the body are skipped.
        if (sliceTests.Count > 0)
        {
            code.Line($"if ({string.Join(" || ", sliceTests)}) continue;");
        }

        if (loop.ValueVariable is not null)
        {
            if (array.Type == SemanticType.Stats)
            {
                throw new NotTranslatedException("a foreach value variable of an array of aggregates", loop);
            }

            code.Line($"{NameMangler.Local(variables[^1])} = {entry}.Value;");
        }

        Emit(loop.Body);
        code.Close();
    }

    /// <summary>
    /// <c>foreach ([b] in @hist_log(s) limit n)</c> and <c>foreach (c = [b] in …)</c>: every bucket
    /// index in order, empty buckets included, over one read of the aggregate (stap's translator
    /// ignores a sort here).
    /// </summary>
    private void EmitHistogramForeach(ForeachStatement loop, HistogramExpression histogram)
    {
        var variables = scope.ForeachVariables[loop];
        if (loop.Keys.Length != 1 || variables[0].Type != SemanticType.Long)
        {
            throw new NotTranslatedException("this indexing of a histogram", loop);
        }

        int n = _loops++;
        string bucket = NameMangler.Local(variables[0]);
        code.Source(loop.Span);
        if (loop.Limit is not null)
        {
            code.Line($"long limit{n} = {_expressions.Value(loop.Limit)};");
            code.Line($"long visited{n} = 0;");
        }

        code.Line($"var h{n} = {_expressions.Histogram(histogram)};");
        code.Open($"for ({bucket} = 0; {bucket} < h{n}.BucketCount; {bucket}++)");
        Charge(loop, loop.Body);
        if (loop.Limit is not null)
        {
            code.Line($"if (visited{n}++ >= limit{n}) break;");
        }

        if (loop.ValueVariable is not null)
        {
            code.Line($"{NameMangler.Local(variables[^1])} = h{n}[(int){bucket}];");
        }

        Emit(loop.Body);
        code.Close();
    }

    private static string Descending(ForeachStatement loop) => loop.Sort == SortDirection.Descending ? "true" : "false";

    private void EmitReturn(ReturnStatement statement)
    {
        code.Source(statement.Span);
        if (!inFunction)
        {
            code.Line("return;");
            return;
        }

        ReturnUsed = true;
        if (statement.Value is { } value)
        {
            code.Line($"result = {_expressions.Value(value)};");
        }

        code.Line("goto Return;");
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

    /// <summary>One iteration's MAXACTION charge: the statements of the body plus the loop's own test.</summary>
    private void Charge(Statement loop, Statement body) =>
        code.Line($"ctx.Charge({Count(body) + 1}, {CSharpText.Near((loop.Span, "keyword"))});");

    /// <summary>Statements one pass through <paramref name="statement"/> can run; nested loops charge for themselves.</summary>
    private static int Count(Statement statement) => statement switch
    {
        Block block => block.Statements.Sum(Count),
        NullStatement => 0,
        IfStatement i => 1 + Count(i.Then) + (i.Else is null ? 0 : Count(i.Else)),
        _ => 1,
    };
}
