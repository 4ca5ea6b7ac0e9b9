using FlightRec.Compiler.Syntax;

namespace FlightRec.Compiler.Semantics;

/// <summary>
/// One visitor of <see cref="TypeInferencePass"/>: each expression is visited with the type its
/// position expects (stap's <c>t</c>), unknown when the position does not care.
/// </summary>
internal sealed class TypeInference(SemanticContext context)
{
    public int Resolved { get; set; }

    /// <summary>In the last round, mismatches are reported instead of skipped.</summary>
    public bool Report { get; set; }

    public FunctionSymbol? Function { get; set; }

    /// <summary>Whether <c>@entry</c> may appear here: only in the bodies of a <c>.return</c> probe.</summary>
    public bool EntryAllowed { get; set; }

    /// <summary>The autocasts visited in the last round, with their operand's type.</summary>
    public List<(TargetExpression Expression, SemanticType OperandType)> Autocasts { get; } = [];

    /// <summary>The scope of the body being visited.</summary>
    public SymbolScope Scope { get; set; } = new();

    /// <summary>A probe's <c>if (...)</c> guard: a number, like an if statement's condition.</summary>
    public void Condition(Expression condition) => Expr(condition, SemanticType.Long);

    public void Statement(Statement statement)
    {
        switch (statement)
        {
            case Block block:
                foreach (var s in block.Statements)
                {
                    Statement(s);
                }

                break;
            case ExpressionStatement e:
                Expr(e.Expression, SemanticType.Unknown);
                break;
            case IfStatement i:
                Expr(i.Condition, SemanticType.Long);
                Statement(i.Then);
                if (i.Else is { } otherwise)
                {
                    Statement(otherwise);
                }

                break;
            case ForStatement f:
                Optional(f.Init, SemanticType.Unknown);
                Optional(f.Condition, SemanticType.Long);
                Optional(f.Increment, SemanticType.Unknown);
                Statement(f.Body);
                break;
            case ForeachStatement fe:
                Foreach(fe);
                break;
            case TryStatement t:
                Statement(t.Try);
                if (Scope.CatchVariables.TryGetValue(t, out var error))
                {
                    Unify(error, SemanticType.String, (t.Catch.Span, TokenDescriber.Identifier(error.Name)), -1);
                }

                Statement(t.Catch);
                break;
            case ReturnStatement { Value: { } value } when Function is { } function:
                Return(function, value);
                break;
            case DeleteStatement d:
                if (d.Target is not Variable)
                {
                    Expr(d.Target, SemanticType.Unknown);
                }

                break;
        }
    }

    private void Return(FunctionSymbol function, Expression value)
    {
        var type = Expr(value, Peek(value) == SemanticType.Unknown ? function.ReturnType : SemanticType.Unknown);
        if (function.ReturnType == SemanticType.Unknown && type != SemanticType.Unknown)
        {
            function.ReturnType = type;
            function.ReturnOrigin = TokenDescriber.Describe(value);
            Resolved++;
        }
        else if (type != SemanticType.Unknown && type != function.ReturnType && Report && function.ReturnOrigin is not null)
        {
            context.Error($"type mismatch ({type.Name()})", TokenDescriber.Describe(value),
                $"type was first inferred here ({function.ReturnType.Name()})", function.ReturnOrigin);
        }
    }

    private void Foreach(ForeachStatement fe)
    {
        var variables = Scope.ForeachVariables[fe];
        int keys = fe.Keys.Length;
        if (fe.Source is Variable v && Scope.Bindings.TryGetValue(v, out var array) && array.Arity == keys)
        {
            for (int i = 0; i < keys; i++)
            {
                var at = ForeachNames.Describe(fe, fe.Keys[i]);
                Unify(variables[i], array.IndexTypes[i], at, -1);
                UnifyIndex(array, i, variables[i].Type, at);
            }

            if (fe.ValueVariable is { } value)
            {
                var at = ForeachNames.Describe(fe, value);
                if (array.Type == SemanticType.Stats)
                {
                    // Statistics cannot be copied into a (local) value variable.
                    Invalid(SemanticType.Stats, at);
                }
                else
                {
                    Unify(variables[keys], array.Type, at, -1);
                    if (array.Type == SemanticType.Unknown && variables[keys].Type != SemanticType.Unknown)
                    {
                        Unify(array, variables[keys].Type, TokenDescriber.Describe(v), -1);
                    }
                }
            }
        }
        else if (fe.Source is HistogramExpression h)
        {
            Expr(h, SemanticType.Unknown);
            foreach (var variable in variables)
            {
                Unify(variable, SemanticType.Long, ForeachNames.Describe(fe, variable.Name), -1);
            }
        }

        if (fe.Source is Variable sliced && Scope.Bindings.TryGetValue(sliced, out var slicedArray))
        {
            for (int i = 0; i < fe.Slice.Length && fe.Slice.Length == slicedArray.Arity; i++)
            {
                if (fe.Slice[i] is { } slice)
                {
                    var type = Expr(slice, Peek(slice) == SemanticType.Unknown ? slicedArray.IndexTypes[i] : SemanticType.Unknown);
                    UnifyIndex(slicedArray, i, type, TokenDescriber.Describe(slice));
                }
            }

            if (fe.SortAggregate is not null && slicedArray.Type is not (SemanticType.Unknown or SemanticType.Stats) && Report)
            {
                context.Error($"invalid type {slicedArray.Type.Name()}", sliced);
            }
        }

        Optional(fe.Limit, SemanticType.Long);
        Statement(fe.Body);
    }

    private void Optional(Expression? e, SemanticType expected)
    {
        if (e is not null)
        {
            Expr(e, expected);
        }
    }

    private SemanticType Expr(Expression e, SemanticType t)
    {
        switch (e)
        {
            case NumberLiteral:
                return Literal(e, SemanticType.Long, t);
            case TargetVariable or TargetExpression when context.TargetTypes.TryGetValue(e, out var targetType):
                return Literal(e, targetType, t);
            case StringLiteral:
                return Literal(e, SemanticType.String, t);
            case Variable v:
                return Scope.Bindings.TryGetValue(v, out var symbol)
                    ? Unify(symbol, t, TokenDescriber.Describe(v), -1)
                    : SemanticType.Unknown;
            case ArrayIndex a:
                return Index(a, t);
            case ArrayMembership m:
                Index(m.Index, SemanticType.Unknown);
                return Literal(e, SemanticType.Long, t);
            case FunctionCall call:
                return Call(call, t);
            case PrintCall p:
                return Print(p, t);
            case UnaryExpression u:
                Expr(u.Operand, SemanticType.Long);
                return Literal(e, SemanticType.Long, t);
            case CrementExpression c:
                Expr(c.Operand, SemanticType.Long);
                return Literal(e, SemanticType.Long, t);
            case BinaryExpression b:
                return Binary(b, t);
            case RegexMatch r:
                Expr(r.Subject, SemanticType.String);
                return Literal(e, SemanticType.Long, t);
            case TernaryExpression te:
                return Ternary(te, t);
            case Assignment a:
                return Assign(a, t);
            case StatisticExpression s:
                Expr(s.Operand, SemanticType.Stats);
                return Literal(e, SemanticType.Long, t);
            case HistogramExpression h:
                Expr(h.Operand, SemanticType.Stats);
                return SemanticType.Unknown;
            case AtOperator { Name: "@defined" }:
                return Literal(e, SemanticType.Long, t);
            case AtOperator { Name: "@entry" } entry when !EntryAllowed:
                throw new EntryOutsideReturnException(entry);
            case AtOperator at:
                return Expr(at.Operand, t);
            case TargetExpression te when Autocast.Is(te):
                var operand = Expr(te.Operand, SemanticType.Unknown);
                if (Report)
                {
                    Autocasts.Add((te, operand));
                }

                return SemanticType.Unknown;
            default:
                return t;
        }
    }

    /// <summary>stap's "invalid type T": a value of a type that cannot go where it is (statistics as an index).</summary>
    private void Invalid(SemanticType type, (Diagnostics.SourceSpan Span, string Token) at)
    {
        if (Report)
        {
            context.Error($"invalid type {type.Name()}", at);
        }
    }

    // A value of a fixed type in a position expecting t.
    private SemanticType Literal(Expression e, SemanticType type, SemanticType t)
    {
        if (t != SemanticType.Unknown && t != type && Report)
        {
            context.Error($"type mismatch: expected {t.Name()} but found {type.Name()}", e);
        }

        return type;
    }

    /// <summary>
    /// Gives a symbol (index -1) the expected type, or reports stap's "type mismatch (T)" with the
    /// place the symbol's type was first inferred.
    /// </summary>
    private SemanticType Unify(VariableSymbol symbol, SemanticType t, (Diagnostics.SourceSpan Span, string Token) at, int index)
    {
        if (t == SemanticType.Unknown)
        {
            return symbol.Type;
        }

        if (symbol.Type == SemanticType.Unknown)
        {
            symbol.Type = t;
            symbol.TypeOrigin = at;
            Resolved++;
        }
        else if (symbol.Type != t && Report)
        {
            Mismatch(at, t, symbol.Type, symbol.TypeOrigin, ParameterIndex(symbol, index));
        }

        return symbol.Type;
    }

    private int ParameterIndex(VariableSymbol symbol, int index)
    {
        if (index < 0 && symbol.Kind == SymbolKind.Parameter && Function is { } f)
        {
            for (int i = 0; i < f.Parameters.Count; i++)
            {
                if (ReferenceEquals(f.Parameters[i], symbol))
                {
                    return i;
                }
            }
        }

        return index;
    }

    private void Mismatch((Diagnostics.SourceSpan Span, string Token) at, SemanticType found, SemanticType declared,
        (Diagnostics.SourceSpan Span, string Token)? origin, int index)
    {
        if (origin is null)
        {
            context.Error($"type mismatch: expected {found.Name()} but found {declared.Name()}", at);
            return;
        }

        string prefix = index >= 0 ? $"index {index} " : "";
        string of = index >= 0 ? $" of index {index}" : "";
        context.Error($"{prefix}type mismatch ({found.Name()})", at, $"type{of} was first inferred here ({declared.Name()})", origin);
    }

    private SemanticType Index(ArrayIndex a, SemanticType t)
    {
        if (!Scope.Bindings.TryGetValue(a, out var array) || array.Arity != a.Indexes.Length)
        {
            return SemanticType.Unknown;
        }

        for (int i = 0; i < a.Indexes.Length; i++)
        {
            if (a.Indexes[i] is { } index)
            {
                var type = Expr(index, Peek(index) == SemanticType.Unknown ? array.IndexTypes[i] : SemanticType.Unknown);
                if (type == SemanticType.Stats)
                {
                    Invalid(type, TokenDescriber.Describe(index));
                    array.IndexRefused = true;
                    continue;
                }

                UnifyIndex(array, i, type, TokenDescriber.Describe(index));
            }
        }

        return Unify(array, t, TokenDescriber.Describe(a.Base), -1);
    }

    private void UnifyIndex(VariableSymbol array, int i, SemanticType type, (Diagnostics.SourceSpan Span, string Token) at)
    {
        if (type == SemanticType.Unknown)
        {
            return;
        }

        if (array.IndexTypes[i] == SemanticType.Unknown)
        {
            array.IndexTypes[i] = type;
            array.IndexOrigins[i] = at;
            Resolved++;
        }
        else if (array.IndexTypes[i] != type && Report)
        {
            Mismatch(at, type, array.IndexTypes[i], array.IndexOrigins[i], i);
        }
    }

    private SemanticType Call(FunctionCall call, SemanticType t)
    {
        if (!context.Calls.TryGetValue(call, out var function))
        {
            return SemanticType.Unknown;
        }

        for (int i = 0; i < call.Arguments.Length; i++)
        {
            var parameter = function.Parameters[i];
            var at = TokenDescriber.Describe(call.Arguments[i]);
            // A script function's parameter mismatch is reported once, in stap's "index N" form.
            var expected = function.IsBuiltin || Peek(call.Arguments[i]) == SemanticType.Unknown
                ? parameter.Type
                : SemanticType.Unknown;
            var type = Expr(call.Arguments[i], expected);
            if (type == SemanticType.Stats || parameter.Type == SemanticType.Stats)
            {
                // Statistics cannot be passed by value: stap blames the argument, then the parameter.
                if (type == SemanticType.Stats)
                {
                    Invalid(type, at);
                }

                if (parameter.Type == SemanticType.Stats)
                {
                    Invalid(parameter.Type, (parameter.DeclaredAt, TokenDescriber.Identifier(parameter.Name)));
                }

                continue;
            }

            if (type == SemanticType.Unknown)
            {
                continue;
            }

            if (parameter.Type == SemanticType.Unknown)
            {
                parameter.Type = type;
                parameter.TypeOrigin = at;
                Resolved++;
            }
            else if (parameter.Type != type && Report && !function.IsBuiltin)
            {
                Mismatch(at, type, parameter.Type, parameter.TypeOrigin, i);
            }
        }

        var where = TokenDescriber.Describe(call);
        if (t != SemanticType.Unknown && function.ReturnType == SemanticType.Unknown && !function.IsBuiltin)
        {
            function.ReturnType = t;
            function.ReturnOrigin = where;
            Resolved++;
        }
        else if (t != SemanticType.Unknown && function.ReturnType != t && Report)
        {
            Mismatch(where, t, function.ReturnType, function.ReturnOrigin, -1);
        }

        return function.ReturnType;
    }

    private SemanticType Print(PrintCall p, SemanticType t)
    {
        if (p.Format is { } format && p.Name is "printf" or "sprintf")
        {
            var types = FormatConversions.ArgumentTypes(format.Text);
            if (types.Count != p.Arguments.Length)
            {
                if (Report)
                {
                    context.Error("Wrong number of args to formatted print operator", p);
                }
            }
            else
            {
                for (int i = 0; i < types.Count; i++)
                {
                    Expr(p.Arguments[i], types[i]);
                }
            }
        }
        else
        {
            foreach (var arg in p.Arguments)
            {
                Expr(arg, SemanticType.Unknown);
            }
        }

        if (p.Histogram is { } histogram)
        {
            Expr(histogram, SemanticType.Unknown);
        }

        return Literal(p, p.Name.StartsWith('s') ? SemanticType.String : SemanticType.Long, t);
    }

    private SemanticType Binary(BinaryExpression b, SemanticType t)
    {
        switch (b.Operator)
        {
            case ".":
                Expr(b.Left, SemanticType.String);
                Expr(b.Right, SemanticType.String);
                return Literal(b, SemanticType.String, t);
            case "<" or ">" or "<=" or ">=" or "==" or "!=":
                int errors = context.Diagnostics.ErrorCount;
                var left = Expr(b.Left, Peek(b.Right));
                var right = Expr(b.Right, context.Diagnostics.ErrorCount > errors ? SemanticType.Unknown : left);
                if (left == SemanticType.Unknown && right != SemanticType.Unknown)
                {
                    left = Expr(b.Left, right);
                }

                if (left != SemanticType.Unknown && right != SemanticType.Unknown && left != right && Report
                    && context.Diagnostics.ErrorCount == errors)
                {
                    context.Error($"type mismatch: left and right sides don't agree ({left.Name()} vs {right.Name()})", b);
                }

                return Literal(b, SemanticType.Long, t);
            default:
                Expr(b.Left, SemanticType.Long);
                Expr(b.Right, SemanticType.Long);
                return Literal(b, SemanticType.Long, t);
        }
    }

    private SemanticType Ternary(TernaryExpression te, SemanticType t)
    {
        Expr(te.Condition, SemanticType.Long);
        var sub = t != SemanticType.Unknown ? t : Peek(te.WhenTrue) is var p && p != SemanticType.Unknown ? p : Peek(te.WhenFalse);
        var whenTrue = Expr(te.WhenTrue, sub);
        var whenFalse = Expr(te.WhenFalse, sub != SemanticType.Unknown ? sub : whenTrue);
        return sub != SemanticType.Unknown ? sub : whenTrue != SemanticType.Unknown ? whenTrue : whenFalse;
    }

    private SemanticType Assign(Assignment a, SemanticType t)
    {
        switch (a.Operator)
        {
            case "<<<":
                Expr(a.Target, SemanticType.Stats);
                Expr(a.Value, SemanticType.Long);
                return Literal(a, SemanticType.Long, t);
            case ".=":
                Expr(a.Target, SemanticType.String);
                Expr(a.Value, SemanticType.String);
                return Literal(a, SemanticType.String, t);
            case "=":
                var sub = t != SemanticType.Unknown ? t : Peek(a.Value);
                int errors = context.Diagnostics.ErrorCount;
                var left = Expr(a.Target, sub);
                if (context.Diagnostics.ErrorCount > errors)
                {
                    // The target already took the blame; checking the value too would repeat it.
                    Expr(a.Value, SemanticType.Unknown);
                    return left;
                }

                var right = Expr(a.Value, t != SemanticType.Unknown ? t : left);
                if (left != SemanticType.Unknown && right != SemanticType.Unknown && left != right && Report
                    && context.Diagnostics.ErrorCount == errors)
                {
                    context.Error($"type mismatch: left and right sides don't agree ({left.Name()} vs {right.Name()})", a);
                }

                return left != SemanticType.Unknown ? left : right;
            default:
                Expr(a.Target, SemanticType.Long);
                Expr(a.Value, SemanticType.Long);
                return Literal(a, SemanticType.Long, t);
        }
    }

    /// <summary>The type an expression already has, without resolving or reporting anything.</summary>
    private SemanticType Peek(Expression e)
    {
        bool report = Report;
        int resolved = Resolved;
        Report = false;
        try
        {
            return e switch
            {
                NumberLiteral => SemanticType.Long,
                StringLiteral => SemanticType.String,
                Variable v when Scope.Bindings.TryGetValue(v, out var s) => s.Type,
                ArrayIndex a when Scope.Bindings.TryGetValue(a, out var s) => s.Type,
                FunctionCall c when context.Calls.TryGetValue(c, out var f) => f.ReturnType,
                Variable or ArrayIndex or FunctionCall => SemanticType.Unknown,
                TernaryExpression te => Peek(te.WhenTrue) is var p && p != SemanticType.Unknown ? p : Peek(te.WhenFalse),
                Assignment { Operator: "=" } a => Peek(a.Target) is var p && p != SemanticType.Unknown ? p : Peek(a.Value),
                AtOperator { Name: "@entry" } at => Peek(at.Operand),
                _ => Expr(e, SemanticType.Unknown),
            };
        }
        finally
        {
            Report = report;
            Resolved = resolved;
        }
    }
}
