using System.Collections.Immutable;
using FlightRec.Compiler.Syntax;
using static FlightRec.Compiler.Parsing.Generated.FrsParser;

namespace FlightRec.Compiler.Parsing;

/// <summary>
/// Turns the parse tree of one top-level declaration into the immutable AST and makes
/// the checks stap's parser makes while reading declarations: duplicate globals and
/// parameters, literal-only initialisers and sizes, alias forms, return outside a
/// function, embedded code outside guru mode, foreach sort directives.
/// </summary>
internal sealed class AstBuilder
{
    private readonly bool _privileged;
    private readonly ExpressionBuilder _expressions;
    private readonly ProbePointBuilder _probePoints;
    private readonly HashSet<string> _globals = [];
    private readonly HashSet<string> _privates = [];
    private bool _inFunction;

    public AstBuilder(bool privileged, string compatibleVersion)
    {
        _privileged = privileged;
        _expressions = new ExpressionBuilder(privileged,
            autocast: Preprocessing.VersionCompare.Compare(compatibleVersion, "2.6") >= 0);
        _probePoints = new ProbePointBuilder(_expressions);
    }

    public Declaration Toplevel(ToplevelContext ctx)
    {
        switch (ctx.GetChild(0))
        {
            case ProbeDeclContext probe:
                return Probe(probe);
            case GlobalDeclContext global:
                return Globals(global, false, global.globalVar());
            case PrivateGlobalContext pg:
                return Globals(pg, true, pg.globalVar());
            case PrivateBareGlobalContext pb:
                return Globals(pb, true, pb.globalVar());
            case PrivateFunctionContext pf:
                return Function(pf, true, pf.functionRest());
            case FunctionDeclContext f:
                return Function(f, false, f.functionRest());
            default:
                var token = (FrsToken)ctx.Start;
                RequirePrivilege(token);
                return new EmbeddedDeclaration(Spans.Of(ctx), ExpressionBuilder.EmbeddedText(token.Text));
        }
    }

    private void RequirePrivilege(FrsToken embedded)
    {
        if (!_privileged)
        {
            throw BuildErrorException.At("embedded code in unprivileged script; need stap -g", embedded);
        }
    }

    private ProbeDeclaration Probe(ProbeDeclContext ctx)
    {
        var lists = ctx.probePointList();
        var ops = ctx.aliasOp();
        var aliases = ImmutableArray.CreateBuilder<ProbePoint>();
        for (int i = 0; i < ops.Length; i++)
        {
            var names = _probePoints.List(lists[i]);
            if (names.Count != 1)
            {
                throw BuildErrorException.Saw("expected probe point specifier", (FrsToken)ops[i].Start);
            }

            if (names[0].Optional)
            {
                throw BuildErrorException.At("probe point alias name cannot be optional nor sufficient",
                    (FrsToken)lists[i].Start);
            }

            aliases.Add(names[0]);
        }

        var points = ProbePointBuilder.ToArray(_probePoints.List(lists[^1]));
        var kind = ops.Length == 0 ? AliasKind.None
            : ops.Any(o => o.ADD_ASSIGN() is not null) ? AliasKind.Epilogue : AliasKind.Prologue;
        var blocks = ctx.block();
        _inFunction = false;
        var body = Block(blocks[0]);
        Block? epilogue = null;
        if (blocks.Length > 1)
        {
            var comma = (FrsToken)ctx.COMMA().Symbol;
            if (kind == AliasKind.None)
            {
                throw BuildErrorException.Saw("expected 'probe', 'global', 'private', 'function', or '%{'", comma);
            }

            if (kind == AliasKind.Epilogue)
            {
                throw BuildErrorException.Saw("Combined prologue and epilogue cannot be defined with '+='", comma);
            }

            epilogue = Block(blocks[1]);
        }

        return new ProbeDeclaration(Spans.Of(ctx), kind, aliases.ToImmutable(), points, body, epilogue);
    }

    private GlobalDeclaration Globals(Antlr4.Runtime.ParserRuleContext ctx, bool isPrivate, GlobalVarContext[] vars)
    {
        var result = ImmutableArray.CreateBuilder<GlobalVariable>(vars.Length);
        foreach (var v in vars)
        {
            var nameToken = (FrsToken)v.IDENT().Symbol;
            string name = nameToken.Text;
            var (same, other) = isPrivate ? (_privates, _globals) : (_globals, _privates);
            if (same.Contains(name))
            {
                throw BuildErrorException.Saw("duplicate global name", nameToken);
            }

            if (other.Contains(name))
            {
                throw BuildErrorException.Saw("global versus private variable declaration conflict", nameToken);
            }

            same.Add(name);
            int? size = null;
            if (v.NUMBER() is { } sizeToken)
            {
                var number = ExpressionBuilder.Number((FrsToken)sizeToken.Symbol, v.MINUS() is not null);
                if (number.Value <= 0 || number.Value > int.MaxValue)
                {
                    throw BuildErrorException.Saw("array size out of range", (FrsToken)sizeToken.Symbol);
                }

                size = (int)number.Value;
            }

            Literal? init = null;
            if (v.literal() is { } literal)
            {
                if (size is not null || v.PERCENT() is not null)
                {
                    throw BuildErrorException.Saw("only scalar globals can be initialized", (FrsToken)v.ASSIGN().Symbol);
                }

                init = ExpressionBuilder.Literal(literal);
            }

            result.Add(new GlobalVariable(Spans.Of(v), name, v.PERCENT() is not null, size, init));
        }

        return new GlobalDeclaration(Spans.Of(ctx), isPrivate, result.MoveToImmutable());
    }

    private FunctionDeclaration Function(Antlr4.Runtime.ParserRuleContext ctx, bool isPrivate, FunctionRestContext rest)
    {
        var parameters = ImmutableArray.CreateBuilder<Parameter>();
        var seen = new HashSet<string>();
        foreach (var p in rest.param())
        {
            var nameToken = (FrsToken)p.IDENT().Symbol;
            if (!seen.Add(nameToken.Text))
            {
                throw BuildErrorException.Saw("duplicate parameter names", nameToken);
            }

            parameters.Add(new Parameter(Spans.Of(p), nameToken.Text, Type(p.typeName())));
        }

        long? priority = null;
        if (rest.literal() is { } lit)
        {
            if (ExpressionBuilder.Literal(lit) is not NumberLiteral number)
            {
                throw BuildErrorException.Saw("expected literal number", (FrsToken)lit.Stop);
            }

            if (number.Value < 1)
            {
                throw BuildErrorException.Saw("specified priority must be > 0", (FrsToken)lit.Stop);
            }

            priority = number.Value;
        }

        Node body;
        if (rest.EMBEDDED() is { } embedded)
        {
            var token = (FrsToken)embedded.Symbol;
            RequirePrivilege(token);
            body = new EmbeddedCode(token.Span, ExpressionBuilder.EmbeddedText(token.Text));
        }
        else
        {
            _inFunction = true;
            body = Block(rest.block());
            _inFunction = false;
        }

        return new FunctionDeclaration(Spans.Of(ctx), isPrivate, rest.IDENT().GetText(), Type(rest.typeName()),
            parameters.ToImmutable(), priority, body);
    }

    private static ScriptType Type(TypeNameContext? ctx) => ctx switch
    {
        null => ScriptType.Unknown,
        _ when ctx.LONG_KW() is not null => ScriptType.Long,
        _ => ScriptType.String,
    };

    private Block Block(BlockContext ctx) =>
        new(Spans.Of(ctx), [.. ctx.statement().Select(Statement)]);

    private Statement Statement(StatementContext ctx)
    {
        var span = Spans.Of(ctx);
        switch (ctx)
        {
            case NullStatementContext:
                return new NullStatement(span);
            case BlockStatementContext b:
                return Block(b.block());
            case TryStatementContext t:
                {
                    var blocks = t.block();
                    return new TryStatement(span, Block(blocks[0]), t.IDENT()?.GetText(), Block(blocks[1]));
                }

            case IfStatementContext i:
                {
                    var branches = i.statement();
                    return new IfStatement(span, Expr(i.expr()), Statement(branches[0]),
                        branches.Length > 1 ? Statement(branches[1]) : null);
                }

            case ForStatementContext f:
                return new ForStatement(span, Optional(f.init), Optional(f.cond), Optional(f.incr), Statement(f.statement()));
            case WhileStatementContext w:
                return new ForStatement(span, null, Expr(w.expr()), null, Statement(w.statement()));
            case ForeachStatementContext fe:
                return Foreach(fe);
            case SimpleContext s:
                return Simple(s.simpleStatement());
            default:
                throw new InvalidOperationException("unknown statement form " + ctx.GetType().Name);
        }
    }

    private Statement Simple(SimpleStatementContext ctx)
    {
        var span = Spans.Of(ctx);
        switch (ctx)
        {
            case ReturnStatementContext r:
                if (!_inFunction)
                {
                    throw BuildErrorException.Saw("found 'return' not in function context", (FrsToken)r.Start);
                }

                return new ReturnStatement(span, Optional(r.expr()));
            case DeleteStatementContext d:
                return new DeleteStatement(span, Expr(d.expr()));
            case BreakStatementContext:
                return new BreakStatement(span);
            case ContinueStatementContext:
                return new ContinueStatement(span);
            case NextStatementContext:
                return new NextStatement(span);
            case ExprStatementContext e:
                return new ExpressionStatement(span, Expr(e.expr()));
            default:
                throw new InvalidOperationException("unknown statement form " + ctx.GetType().Name);
        }
    }

    private ForeachStatement Foreach(ForeachStatementContext ctx)
    {
        var head = ctx.foreachHead();
        var sort = SortDirection.None;
        int column = 0;
        if (head.valueSort is { } valueSort)
        {
            sort = Direction(valueSort);
        }

        var keys = head.foreachKeys().foreachKey();
        for (int i = 0; i < keys.Length; i++)
        {
            if (keys[i].sortDirection() is { } keySort)
            {
                if (sort != SortDirection.None)
                {
                    throw BuildErrorException.Saw("multiple sort directives", (FrsToken)keySort.Start);
                }

                sort = Direction(keySort);
                column = i + 1;
            }
        }

        StatisticKind? aggregate = null;
        if (ctx.foreachAggregate() is { } agg)
        {
            aggregate = agg.Start.Type switch
            {
                AT_COUNT => StatisticKind.Count,
                AT_SUM => StatisticKind.Sum,
                AT_MIN => StatisticKind.Min,
                AT_MAX => StatisticKind.Max,
                AT_AVG => StatisticKind.Avg,
                AT_VARIANCE => StatisticKind.Variance,
                _ => throw BuildErrorException.Saw("expected statistical operation", (FrsToken)agg.Start),
            };
            if (ctx.sortDirection() is null)
            {
                throw BuildErrorException.Saw("expected sort directive", (FrsToken)ctx.foreachAggregate().Stop);
            }
        }

        if (ctx.sortDirection() is { } trailing)
        {
            if (sort != SortDirection.None)
            {
                throw BuildErrorException.Saw("multiple sort directives", (FrsToken)trailing.Start);
            }

            sort = Direction(trailing);
            column = 0;
        }

        var slice = ctx.foreachSlice() is { } s ? _expressions.IndexItems(s.indexItem()) : [];
        var limit = ctx.expr() is { } l ? Expr(l) : null;
        return new ForeachStatement(Spans.Of(ctx), head.valueVar?.Text, [.. keys.Select(k => k.IDENT().GetText())],
            head.foreachKeys().LBRACKET() is not null, _expressions.Indexable(ctx.indexable()), slice, sort, column,
            aggregate, limit, Statement(ctx.statement()));
    }

    private static SortDirection Direction(SortDirectionContext ctx) =>
        ctx.PLUS() is not null ? SortDirection.Ascending : SortDirection.Descending;

    private Expression Expr(ExprContext ctx) => _expressions.Expr(ctx);

    private Expression? Optional(ExprContext? ctx) => ctx is null ? null : _expressions.Expr(ctx);
}
