using System.Collections.Immutable;
using Antlr4.Runtime;
using Antlr4.Runtime.Tree;
using FlightRec.Compiler.Diagnostics;
using FlightRec.Compiler.Syntax;
using static FlightRec.Compiler.Parsing.Generated.FrsParser;

namespace FlightRec.Compiler.Parsing;

/// <summary>
/// Builds expressions from the parse tree, one method per precedence level, and makes
/// the checks stap's parser makes while it reads them (literal formats, bare
/// histograms, guru-only operators).
/// </summary>
internal sealed class ExpressionBuilder(bool privileged, bool autocast)
{
    private static readonly HashSet<string> PrintFamily =
    [
        "print", "println", "printf", "printd", "printdln",
        "sprint", "sprintln", "sprintf", "sprintd", "sprintdln", "print_char",
    ];

    public Expression Expr(ExprContext ctx)
    {
        var target = Ternary(ctx.ternary());
        if (ctx.assignOp() is not { } op)
        {
            return target;
        }

        var value = Expr(ctx.expr());
        return new Assignment(Spans.Of(ctx), op.GetText(), target, value);
    }

    private Expression Ternary(TernaryContext ctx)
    {
        var condition = LeftAssociative(ctx.logicalOr());
        if (ctx.QUESTION() is null)
        {
            return condition;
        }

        var branches = ctx.expr();
        var falseBranch = ctx.ternary() is { } ternary ? Ternary(ternary) : Expr(branches[1]);
        return new TernaryExpression(Spans.Of(ctx), condition, Expr(branches[0]), falseBranch);
    }

    // The binary levels from || down to & share one shape: operand (op operand)*.
    private Expression LeftAssociative(ParserRuleContext ctx)
    {
        if (ctx is ArrayInContext arrayIn)
        {
            return ArrayIn(arrayIn);
        }

        if (ctx is ComparisonContext comparison)
        {
            return Comparison(comparison);
        }

        if (ctx is UnaryContext unary)
        {
            return Unary(unary);
        }

        Expression? left = null;
        string? op = null;
        foreach (var child in ctx.children)
        {
            if (child is ParserRuleContext operand && child is not ShiftOpContext)
            {
                var right = LeftAssociative(operand);
                left = left is null ? right : new BinaryExpression(left.Span.To(right.Span), op!, left, right);
            }
            else
            {
                op = child.GetText();
            }
        }

        return left!;
    }

    private Expression ArrayIn(ArrayInContext ctx)
    {
        switch (ctx)
        {
            case PlainInContext plain:
                {
                    var operand = Comparison(plain.comparison());
                    if (plain.IN() is null)
                    {
                        return operand;
                    }

                    var index = new ArrayIndex(Spans.Of(plain), Indexable(plain.indexable()), [operand]);
                    return new ArrayMembership(Spans.Of(plain), index);
                }

            case BracketInContext bracket:
                {
                    var indexes = IndexItems(bracket.indexItem());
                    if (bracket.IN() is null)
                    {
                        if (indexes.Length == 1 && indexes[0] is { } only)
                        {
                            return only;
                        }

                        throw BuildErrorException.Saw(
                            indexes.Length == 1 ? "expected expression" : "unexpected comma-separated expression list",
                            Spans.StopToken(bracket));
                    }

                    var index = new ArrayIndex(Spans.Of(bracket), Indexable(bracket.indexable()), indexes);
                    return new ArrayMembership(Spans.Of(bracket), index);
                }

            default:
                throw new InvalidOperationException("unknown array-in form");
        }
    }

    private Expression Comparison(ComparisonContext ctx)
    {
        var shifts = ctx.shift();
        var left = LeftAssociative(shifts[0]);
        if (ctx.regexOp() is { } regex)
        {
            var pattern = Strings(ctx.strings());
            return new RegexMatch(Spans.Of(ctx), left, regex.REGEX_NOMATCH() is not null, pattern);
        }

        var ops = ctx.comparisonOp();
        for (int i = 0; i < ops.Length; i++)
        {
            var right = LeftAssociative(shifts[i + 1]);
            left = new BinaryExpression(left.Span.To(right.Span), ops[i].GetText(), left, right);
        }

        return left;
    }

    private Expression Unary(UnaryContext ctx)
    {
        if (ctx is PrefixUnaryContext prefix)
        {
            string op = prefix.GetChild(0).GetText();
            var operand = Unary(prefix.unary());
            // Fold the sign into number literals so that canonical output re-parses to the
            // same tree: stap's wrapping makes -(LLONG_MIN) itself, as unary minus would.
            if (op == "-" && operand is NumberLiteral number)
            {
                return new NumberLiteral(Spans.Of(prefix), unchecked(-number.Value));
            }

            return new UnaryExpression(Spans.Of(prefix), op, operand);
        }

        return Crement(((CrementUnaryContext)ctx).crement());
    }

    private Expression Crement(CrementContext ctx)
    {
        switch (ctx)
        {
            case PreCrementContext pre:
                return new CrementExpression(Spans.Of(pre), pre.GetChild(0).GetText(), true, DwarfValue(pre.dwarfValue()));
            case PostCrementContext post:
                {
                    var operand = DwarfValue(post.dwarfValue());
                    if (post.ChildCount == 1)
                    {
                        return operand;
                    }

                    return new CrementExpression(Spans.Of(post), post.GetChild(1).GetText(), false, operand);
                }

            default:
                throw new InvalidOperationException("unknown crement form");
        }
    }

    private Expression DwarfValue(DwarfValueContext ctx)
    {
        var value = Value(ctx.value());
        if (!autocast && value is not (TargetVariable or CastExpression or AtLiteralOperator { Name: "@var" }))
        {
            // Before 2.6 only context variables, @cast and @var take -> [ and &.
            if (ctx.AMP() is { } amp)
            {
                throw BuildErrorException.Saw("expected @cast, @var or $var", (FrsToken)amp.Symbol);
            }

            if (ctx.targetSuffix().FirstOrDefault() is { } suffix)
            {
                throw BuildErrorException.Saw("expected ')'", (FrsToken)suffix.Start);
            }
        }

        string? prettyPrint = null;
        if (value is TargetVariable target && SplitPrettyPrint(target.Name) is ({ } name, { } pp))
        {
            value = target with { Name = name };
            prettyPrint = pp;
        }

        var components = ImmutableArray.CreateBuilder<TargetComponent>();
        foreach (var suffix in ctx.targetSuffix())
        {
            if (prettyPrint is not null)
            {
                throw BuildErrorException.Saw("-> and [ are not accepted for a pretty-printing variable",
                    (FrsToken)suffix.Start);
            }

            switch (suffix)
            {
                case MemberSuffixContext member:
                    {
                        string text = member.memberName().GetText();
                        if (SplitPrettyPrint(text) is ({ } memberName, { } memberPp))
                        {
                            text = memberName;
                            prettyPrint = memberPp;
                        }

                        components.Add(new TargetComponent(Spans.Of(member), text, null));
                        break;
                    }

                case IndexSuffixContext index:
                    components.Add(new TargetComponent(Spans.Of(index), null, Expr(index.expr())));
                    break;
            }
        }

        if (ctx.pprint is { } pprintToken)
        {
            if (prettyPrint is not null)
            {
                throw BuildErrorException.Saw("-> and [ are not accepted for a pretty-printing variable",
                    (FrsToken)pprintToken);
            }

            prettyPrint = pprintToken.Text;
        }

        bool addressOf = ctx.AMP() is not null;
        if (!addressOf && components.Count == 0 && prettyPrint is null)
        {
            return value;
        }

        return new TargetExpression(Spans.Of(ctx), addressOf, value, components.ToImmutable(), prettyPrint);
    }

    // "$p$$" is $p pretty-printed deeply; "$$vars" is a name. Returns (name, suffix) or nulls.
    private static (string?, string?) SplitPrettyPrint(string text)
    {
        int last = text.Length - 1;
        while (last >= 0 && text[last] == '$')
        {
            last--;
        }

        if (last > 0 && last < text.Length - 1)
        {
            return (text[..(last + 1)], text[(last + 1)..]);
        }

        return (null, null);
    }

    private Expression Value(ValueContext ctx)
    {
        var span = Spans.Of(ctx);
        switch (ctx)
        {
            case ParenExprContext paren:
                return Expr(paren.expr());
            case StringLiteralContext s:
                return Strings(s.strings());
            case NumberLiteralContext n:
                return Number((FrsToken)n.NUMBER().Symbol, negative: false);
            case TargetVariableContext t:
                return new TargetVariable(span, t.GetText());
            case EmbeddedExprContext e:
                if (!privileged)
                {
                    throw BuildErrorException.At("embedded expression code in unprivileged script; need stap -g",
                        (FrsToken)e.Start);
                }

                return new EmbeddedExpression(span, EmbeddedText(e.Start.Text));
            case VariableContext v:
                return new Variable(span, v.GetText());
            case ArrayElementContext a:
                return new ArrayIndex(span, new Variable(Spans.Of(a.IDENT()), a.IDENT().GetText()),
                    IndexItems(a.indexItem()));
            case CallContext call:
                return Call(call);
            case HistogramValueContext h:
                {
                    var histogram = Histogram(h.histogram());
                    if (h.expr() is not { } bucket)
                    {
                        throw BuildErrorException.At("base histogram operator where expression expected",
                            (FrsToken)h.Start);
                    }

                    return new ArrayIndex(span, histogram, [Expr(bucket)]);
                }

            case StatOpContext stat:
                return StatOp(stat);
            case CastOpContext cast:
                {
                    var strings = cast.strings();
                    var type = NonEmpty(strings[0]);
                    return new CastExpression(span, Expr(cast.expr()), type, strings.Length > 1 ? Strings(strings[1]) : null);
                }

            case AtVarOpContext atVar:
                return new AtLiteralOperator(span, "@var", [.. atVar.strings().Select(Strings)], null);
            case DefinedOpContext d:
                return new AtOperator(span, "@defined", Expr(d.expr()));
            case EntryOpContext entry:
                return new AtOperator(span, "@entry", Expr(entry.expr()));
            case ProbeWriteOpContext pw:
                return new AtLiteralOperator(span, "@probewrite", [], pw.IDENT().GetText());
            case ConstOpContext c:
                RequireGuru(c.Start, "@const");
                return new AtLiteralOperator(span, "@const", [NonEmpty(c.strings())], null);
            case EnumOpContext en:
                return new AtLiteralOperator(span, "@enum", [NonEmpty(en.strings())], null);
            case EnumNameOpContext enumName:
                {
                    var strings = enumName.strings();
                    return new EnumNameExpression(span, Expr(enumName.expr()),
                        strings.Length > 0 ? NonEmpty(strings[0]) : null, strings.Length > 1 ? Strings(strings[1]) : null);
                }

            case PerfOpContext perf:
                return new AtLiteralOperator(span, "@perf", [NonEmpty(perf.strings())], null);
            case RegisterOpContext reg:
                if (reg.AT_KREGISTER() is not null)
                {
                    RequireGuru(reg.Start, "@kregister");
                }

                return new AtLiteralOperator(span, reg.Start.Text, [SignedNumber(reg.signedNumber())], null);
            case DerefOpContext deref:
                if (deref.AT_KDEREF() is not null)
                {
                    RequireGuru(deref.Start, "@kderef");
                }

                return new DerefExpression(span, deref.Start.Text, SignedNumber(deref.signedNumber()).Value,
                    Expr(deref.expr()));
            default:
                throw new InvalidOperationException("unknown value form " + ctx.GetType().Name);
        }
    }

    private void RequireGuru(IToken token, string name)
    {
        if (!privileged)
        {
            throw BuildErrorException.At($"using {name} operator not permitted; need stap -g", (FrsToken)token);
        }
    }

    private Expression StatOp(StatOpContext ctx)
    {
        var kind = ctx.statOpName().Start.Type switch
        {
            AT_COUNT => StatisticKind.Count,
            AT_SUM => StatisticKind.Sum,
            AT_MIN => StatisticKind.Min,
            AT_MAX => StatisticKind.Max,
            AT_AVG => StatisticKind.Avg,
            _ => StatisticKind.Variance,
        };
        int allowed = kind == StatisticKind.Variance ? 1 : 0;
        var numbers = ctx.signedNumber();
        if (numbers.Length > allowed)
        {
            var comma = ctx.COMMA()[allowed].Symbol;
            string noun = allowed + 1 == 1 ? "parameter" : "parameters";
            throw BuildErrorException.At($"not more than {allowed + 1} {noun} allowed", (FrsToken)comma);
        }

        return new StatisticExpression(Spans.Of(ctx), kind, Expr(ctx.expr()),
            [.. numbers.Select(n => SignedNumber(n).Value)]);
    }

    public HistogramExpression Histogram(HistogramContext ctx) => ctx switch
    {
        HistLinearContext linear => new HistogramExpression(Spans.Of(linear), true, Expr(linear.expr()),
            [.. linear.signedNumber().Select(n => SignedNumber(n).Value)]),
        HistLogContext log => new HistogramExpression(Spans.Of(log), false, Expr(log.expr()), []),
        _ => throw new InvalidOperationException("unknown histogram form"),
    };

    public Expression Indexable(IndexableContext ctx) =>
        ctx.histogram() is { } h ? Histogram(h) : new Variable(Spans.Of(ctx), ctx.IDENT().GetText());

    public ImmutableArray<Expression?> IndexItems(IndexItemContext[] items) =>
        [.. items.Select(i => i.STAR() is not null ? null : Expr(i.expr()))];

    private Expression Call(CallContext ctx)
    {
        string name = ctx.IDENT().GetText();
        var args = ctx.expr();
        var span = Spans.Of(ctx);
        if (!PrintFamily.Contains(name))
        {
            return new FunctionCall(span, name, [.. args.Select(Expr)]);
        }

        bool withFormat = name.EndsWith('f');
        bool withDelimiter = name.EndsWith('d') || name.EndsWith("dln", StringComparison.Ordinal);
        bool withNewline = name.EndsWith("ln", StringComparison.Ordinal);

        if (!withFormat && !withDelimiter && args.Length == 1 && BareHistogram(args[0]) is { } histogram)
        {
            return new PrintCall(span, name, null, [], Histogram(histogram));
        }

        StringLiteral? format = null;
        int first = 0;
        if (withFormat || withDelimiter)
        {
            if (args.Length == 0 || LiteralStrings(args[0]) is not { } literal)
            {
                var at = args.Length == 0 ? (FrsToken)ctx.RPAREN().Symbol : (FrsToken)args[0].Start;
                throw BuildErrorException.Saw("expected literal string", at);
            }

            format = Strings(literal);
            first = 1;
        }

        int minimum = withDelimiter ? 2 : withFormat || withNewline ? 0 : 1;
        if (args.Length - first < minimum)
        {
            throw BuildErrorException.Saw("expected literal string or number", (FrsToken)ctx.RPAREN().Symbol);
        }

        return new PrintCall(span, name, format, [.. args.Skip(first).Select(Expr)], null);
    }

    // The single value an expression consists of, if it is nothing else (no operators).
    private static ValueContext? SoleValue(ExprContext expr)
    {
        IParseTree node = expr;
        while (true)
        {
            switch (node)
            {
                case ValueContext value:
                    return value;
                case DwarfValueContext dwarf:
                    if (dwarf.ChildCount != 1)
                    {
                        return null;
                    }

                    node = dwarf.value();
                    continue;
                case ParserRuleContext rule when rule.ChildCount == 1 && rule.GetChild(0) is ParserRuleContext child:
                    node = child;
                    continue;
                default:
                    return null;
            }
        }
    }

    private static HistogramContext? BareHistogram(ExprContext expr) =>
        SoleValue(expr) is HistogramValueContext h && h.expr() is null ? h.histogram() : null;

    private static StringsContext? LiteralStrings(ExprContext expr) =>
        SoleValue(expr) is StringLiteralContext s ? s.strings() : null;

    public static StringLiteral Strings(StringsContext ctx)
    {
        var tokens = ctx.STRING();
        if (tokens.Length == 1)
        {
            return new StringLiteral(Spans.Of(ctx), tokens[0].GetText()[1..^1]);
        }

        var sb = new System.Text.StringBuilder();
        foreach (var t in tokens)
        {
            sb.Append(t.GetText().AsSpan(1, t.GetText().Length - 2));
        }

        return new StringLiteral(Spans.Of(ctx), sb.ToString());
    }

    private static StringLiteral NonEmpty(StringsContext ctx)
    {
        var literal = Strings(ctx);
        if (literal.Text.Length == 0)
        {
            throw BuildErrorException.Saw("expected non-empty string", (FrsToken)ctx.Stop);
        }

        return literal;
    }

    public static NumberLiteral Number(FrsToken token, bool negative)
    {
        if (!NumberText.TryParse(token.Text, negative, out long value))
        {
            throw BuildErrorException.Saw("number invalid or out of range", token);
        }

        return new NumberLiteral(token.Span, value);
    }

    public static NumberLiteral SignedNumber(SignedNumberContext ctx) =>
        Number((FrsToken)ctx.NUMBER().Symbol, ctx.MINUS() is not null) with { Span = Spans.Of(ctx) };

    public static Literal Literal(LiteralContext ctx)
    {
        if (ctx.strings() is { } s)
        {
            return Strings(s);
        }

        return Number((FrsToken)ctx.NUMBER().Symbol, ctx.MINUS() is not null) with { Span = Spans.Of(ctx) };
    }

    public static string EmbeddedText(string token) => token[2..^2];
}
