using System.Globalization;
using System.Text;

namespace FlightRec.Compiler.Syntax;

/// <summary>
/// Prints a tree as canonical script text: what <c>frstap -p1</c> shows. The output
/// parses back to the same tree, so printing it again gives the same text. Parentheses
/// appear only where precedence needs them; every simple statement ends with <c>;</c>
/// because statements need no separator and <c>a</c> followed by <c>-b</c> would
/// otherwise read as <c>a - b</c>.
/// </summary>
public sealed class PrettyPrinter
{
    private const string Indent = "  ";
    private readonly StringBuilder _out = new();
    private int _depth;

    public static string Print(ScriptFile file)
    {
        var printer = new PrettyPrinter();
        Declaration? previous = null;
        foreach (var declaration in file.Declarations)
        {
            // A blank line between declarations, except within a run of globals.
            if (previous is not null && !(previous is GlobalDeclaration && declaration is GlobalDeclaration))
            {
                printer._out.Append('\n');
            }

            printer.Declaration(declaration);
            previous = declaration;
        }

        return printer._out.ToString();
    }

    public static string Print(Expression expression)
    {
        var printer = new PrettyPrinter();
        printer.Expr(expression, 0);
        return printer._out.ToString();
    }

    private void Declaration(Declaration declaration)
    {
        switch (declaration)
        {
            case ProbeDeclaration probe:
                Probe(probe);
                break;
            case GlobalDeclaration global:
                _out.Append(global.Private ? "private " : "global ");
                for (int i = 0; i < global.Variables.Length; i++)
                {
                    if (i > 0)
                    {
                        _out.Append(", ");
                    }

                    GlobalVariable(global.Variables[i]);
                }

                _out.Append('\n');
                break;
            case FunctionDeclaration function:
                Function(function);
                break;
            case EmbeddedDeclaration embedded:
                _out.Append("%{").Append(embedded.Code).Append("%}\n");
                break;
        }
    }

    private void Probe(ProbeDeclaration probe)
    {
        _out.Append("probe ");
        if (probe.Kind != AliasKind.None)
        {
            string op = probe.Kind == AliasKind.Epilogue ? " += " : " = ";
            foreach (var alias in probe.AliasNames)
            {
                ProbePoint(alias);
                _out.Append(op);
            }
        }

        for (int i = 0; i < probe.Points.Length; i++)
        {
            if (i > 0)
            {
                _out.Append(", ");
            }

            ProbePoint(probe.Points[i]);
        }

        _out.Append(' ');
        Block(probe.Body);
        if (probe.Epilogue is { } epilogue)
        {
            _out.Append(", ");
            Block(epilogue);
        }

        _out.Append('\n');
    }

    private void ProbePoint(ProbePoint point)
    {
        for (int i = 0; i < point.Components.Length; i++)
        {
            if (i > 0)
            {
                _out.Append('.');
            }

            var component = point.Components[i];
            _out.Append(component.Name);
            if (component.Argument is { } argument)
            {
                _out.Append('(');
                Literal(argument);
                _out.Append(')');
            }
        }

        if (point.Sufficient)
        {
            _out.Append('!');
        }
        else if (point.Optional)
        {
            _out.Append('?');
        }

        if (point.Condition is { } condition)
        {
            _out.Append(" if (");
            Expr(condition, 0);
            _out.Append(')');
        }
    }

    private void GlobalVariable(GlobalVariable variable)
    {
        _out.Append(variable.Name);
        if (variable.Wrap)
        {
            _out.Append('%');
        }

        if (variable.Size is { } size)
        {
            _out.Append('[').Append(size.ToString(CultureInfo.InvariantCulture)).Append(']');
        }

        if (variable.Initializer is { } init)
        {
            _out.Append(" = ");
            Literal(init);
        }
    }

    private void Function(FunctionDeclaration function)
    {
        _out.Append(function.Private ? "private function " : "function ").Append(function.Name);
        Type(function.ReturnType);
        _out.Append(" (");
        for (int i = 0; i < function.Parameters.Length; i++)
        {
            if (i > 0)
            {
                _out.Append(", ");
            }

            _out.Append(function.Parameters[i].Name);
            Type(function.Parameters[i].Type);
        }

        _out.Append(')');
        if (function.Priority is { } priority)
        {
            _out.Append(" :").Append(priority.ToString(CultureInfo.InvariantCulture));
        }

        _out.Append(' ');
        if (function.Body is EmbeddedCode code)
        {
            _out.Append("%{").Append(code.Code).Append("%}");
        }
        else
        {
            Block((Block)function.Body);
        }

        _out.Append('\n');
    }

    private void Type(ScriptType type)
    {
        if (type != ScriptType.Unknown)
        {
            _out.Append(type == ScriptType.Long ? ":long" : ":string");
        }
    }

    private void Block(Block block)
    {
        if (block.Statements.IsEmpty)
        {
            _out.Append("{\n");
            Line();
            _out.Append('}');
            return;
        }

        _out.Append("{\n");
        _depth++;
        foreach (var statement in block.Statements)
        {
            Line();
            Statement(statement);
            _out.Append('\n');
        }

        _depth--;
        Line();
        _out.Append('}');
    }

    private void Line()
    {
        for (int i = 0; i < _depth; i++)
        {
            _out.Append(Indent);
        }
    }

    // A statement nested under if/for/foreach: blocks stay on the same line.
    private void Body(Statement body)
    {
        if (body is Block block)
        {
            _out.Append(' ');
            Block(block);
            return;
        }

        _out.Append('\n');
        _depth++;
        Line();
        Statement(body);
        _depth--;
    }

    private void Statement(Statement statement)
    {
        switch (statement)
        {
            case Block block:
                Block(block);
                break;
            case NullStatement:
                _out.Append(';');
                break;
            case ExpressionStatement e:
                Expr(e.Expression, 0);
                _out.Append(';');
                break;
            case IfStatement i:
                _out.Append("if (");
                Expr(i.Condition, 0);
                _out.Append(')');
                Body(i.Then);
                if (i.Else is { } otherwise)
                {
                    _out.Append('\n');
                    Line();
                    _out.Append("else");
                    if (otherwise is IfStatement)
                    {
                        _out.Append(' ');
                        Statement(otherwise);
                    }
                    else
                    {
                        Body(otherwise);
                    }
                }

                break;
            case ForStatement f:
                For(f);
                break;
            case ForeachStatement fe:
                Foreach(fe);
                break;
            case TryStatement t:
                _out.Append("try ");
                Block(t.Try);
                _out.Append(" catch ");
                if (t.CatchVariable is { } v)
                {
                    _out.Append('(').Append(v).Append(") ");
                }

                Block(t.Catch);
                break;
            case ReturnStatement r:
                _out.Append("return");
                if (r.Value is { } value)
                {
                    _out.Append(' ');
                    Expr(value, 0);
                }

                _out.Append(';');
                break;
            case DeleteStatement d:
                _out.Append("delete ");
                Expr(d.Target, 0);
                _out.Append(';');
                break;
            case BreakStatement:
                _out.Append("break;");
                break;
            case ContinueStatement:
                _out.Append("continue;");
                break;
            case NextStatement:
                _out.Append("next;");
                break;
        }
    }

    private void For(ForStatement f)
    {
        if (f.Init is null && f.Increment is null && f.Condition is not null)
        {
            _out.Append("while (");
            Expr(f.Condition, 0);
            _out.Append(')');
            Body(f.Body);
            return;
        }

        _out.Append("for (");
        if (f.Init is { } init)
        {
            Expr(init, 0);
        }

        _out.Append(';');
        if (f.Condition is { } condition)
        {
            _out.Append(' ');
            Expr(condition, 0);
        }

        _out.Append(';');
        if (f.Increment is { } increment)
        {
            _out.Append(' ');
            Expr(increment, 0);
        }

        _out.Append(')');
        Body(f.Body);
    }

    private void Foreach(ForeachStatement fe)
    {
        _out.Append("foreach (");
        if (fe.ValueVariable is { } value)
        {
            _out.Append(value);
            if (fe.SortColumn == 0 && fe.SortAggregate is null)
            {
                // A value sort may be written on the value variable or after the array;
                // print it after the array, where the aggregate form also goes.
            }

            _out.Append(" = ");
        }

        if (fe.KeysBracketed)
        {
            _out.Append('[');
        }

        for (int i = 0; i < fe.Keys.Length; i++)
        {
            if (i > 0)
            {
                _out.Append(", ");
            }

            _out.Append(fe.Keys[i]);
            if (fe.SortColumn == i + 1)
            {
                Sort(fe.Sort);
            }
        }

        if (fe.KeysBracketed)
        {
            _out.Append(']');
        }

        _out.Append(" in ");
        Expr(fe.Source, Precedence.Primary);
        if (!fe.Slice.IsEmpty)
        {
            Indexes(fe.Slice);
        }

        if (fe.SortAggregate is { } aggregate)
        {
            _out.Append(' ').Append(StatisticName(aggregate));
        }

        if (fe.SortColumn == 0 && fe.Sort != SortDirection.None)
        {
            Sort(fe.Sort);
        }

        if (fe.Limit is { } limit)
        {
            _out.Append(" limit ");
            Expr(limit, 0);
        }

        _out.Append(')');
        Body(fe.Body);
    }

    private void Sort(SortDirection sort) => _out.Append(sort == SortDirection.Ascending ? '+' : '-');

    private static string StatisticName(StatisticKind kind) => kind switch
    {
        StatisticKind.Count => "@count",
        StatisticKind.Sum => "@sum",
        StatisticKind.Min => "@min",
        StatisticKind.Max => "@max",
        StatisticKind.Avg => "@avg",
        _ => "@variance",
    };

    private void Literal(Literal literal)
    {
        switch (literal)
        {
            case NumberLiteral n:
                _out.Append(n.Value.ToString(CultureInfo.InvariantCulture));
                break;
            case StringLiteral s:
                _out.Append('"').Append(s.Text).Append('"');
                break;
        }
    }

    // Prints e, in parentheses when its own precedence is below what the context requires.
    private void Expr(Expression e, int required)
    {
        int own = Precedence.Of(e);
        bool parens = own < required;
        if (parens)
        {
            _out.Append('(');
        }

        Bare(e);
        if (parens)
        {
            _out.Append(')');
        }
    }

    private void Bare(Expression e)
    {
        switch (e)
        {
            case Literal literal:
                Literal(literal);
                break;
            case EmbeddedExpression embedded:
                _out.Append("%{").Append(embedded.Code).Append("%}");
                break;
            case Variable v:
                _out.Append(v.Name);
                break;
            case TargetVariable t:
                _out.Append(t.Name);
                break;
            case TargetExpression t:
                Target(t);
                break;
            case ArrayIndex a:
                Expr(a.Base, Precedence.Primary);
                Indexes(a.Indexes);
                break;
            case FunctionCall call:
                _out.Append(call.Name);
                Arguments(null, call.Arguments);
                break;
            case PrintCall print:
                _out.Append(print.Name);
                if (print.Histogram is { } histogram)
                {
                    _out.Append('(');
                    Bare(histogram);
                    _out.Append(')');
                }
                else
                {
                    Arguments(print.Format, print.Arguments);
                }

                break;
            case UnaryExpression u:
                _out.Append(u.Operator);
                SeparatedOperand(u.Operand, Precedence.Unary);
                break;
            case CrementExpression c:
                if (c.Prefix)
                {
                    _out.Append(c.Operator);
                    Expr(c.Operand, Precedence.Primary);
                }
                else
                {
                    Expr(c.Operand, Precedence.Primary);
                    _out.Append(c.Operator);
                }

                break;
            case BinaryExpression b:
                Binary(b);
                break;
            case RegexMatch r:
                Expr(r.Subject, Precedence.Shift);
                _out.Append(r.Negated ? " !~ " : " =~ ");
                Literal(r.Pattern);
                break;
            case TernaryExpression t:
                Expr(t.Condition, Precedence.LogicalOr);
                _out.Append(" ? ");
                Expr(t.WhenTrue, 0);
                _out.Append(" : ");
                Expr(t.WhenFalse, Precedence.Ternary);
                break;
            case Assignment a:
                Expr(a.Target, Precedence.Ternary);
                _out.Append(' ').Append(a.Operator).Append(' ');
                Expr(a.Value, Precedence.Assignment);
                break;
            case ArrayMembership m:
                Membership(m);
                break;
            case StatisticExpression s:
                _out.Append(StatisticName(s.Kind)).Append('(');
                Expr(s.Operand, 0);
                foreach (long p in s.Parameters)
                {
                    _out.Append(", ").Append(p.ToString(CultureInfo.InvariantCulture));
                }

                _out.Append(')');
                break;
            case HistogramExpression h:
                _out.Append(h.Linear ? "@hist_linear(" : "@hist_log(");
                Expr(h.Operand, 0);
                foreach (long p in h.Parameters)
                {
                    _out.Append(", ").Append(p.ToString(CultureInfo.InvariantCulture));
                }

                _out.Append(')');
                break;
            case AtOperator at:
                _out.Append(at.Name).Append('(');
                Expr(at.Operand, 0);
                _out.Append(')');
                break;
            case AtLiteralOperator at:
                _out.Append(at.Name).Append('(');
                if (at.Identifier is { } identifier)
                {
                    _out.Append(identifier);
                }

                for (int i = 0; i < at.Operands.Length; i++)
                {
                    if (i > 0)
                    {
                        _out.Append(", ");
                    }

                    Literal(at.Operands[i]);
                }

                _out.Append(')');
                break;
            case CastExpression cast:
                _out.Append("@cast(");
                Expr(cast.Operand, 0);
                _out.Append(", ");
                Literal(cast.TypeName);
                if (cast.Module is { } module)
                {
                    _out.Append(", ");
                    Literal(module);
                }

                _out.Append(')');
                break;
            case EnumNameExpression en:
                _out.Append("@enumname(");
                Expr(en.Operand, 0);
                if (en.TypeName is { } typeName)
                {
                    _out.Append(", ");
                    Literal(typeName);
                }

                if (en.Module is { } enumModule)
                {
                    _out.Append(", ");
                    Literal(enumModule);
                }

                _out.Append(')');
                break;
            case DerefExpression d:
                _out.Append(d.Name).Append('(').Append(d.Size.ToString(CultureInfo.InvariantCulture)).Append(", ");
                Expr(d.Address, 0);
                _out.Append(')');
                break;
            default:
                throw new InvalidOperationException("cannot print " + e.GetType().Name);
        }
    }

    // Prints an operand right after a prefix operator, with a space where the two would
    // otherwise lex as another token: "- -x" (not --), "! ~x" (not !~), "& &x" (not &&).
    private void SeparatedOperand(Expression operand, int required)
    {
        int at = _out.Length;
        Expr(operand, required);
        if (at > 0 && at < _out.Length && FormsToken(_out[at - 1], _out[at]))
        {
            _out.Insert(at, ' ');
        }
    }

    private static bool FormsToken(char op, char next) => (op, next) switch
    {
        ('-', '-' or '=' or '>') => true,
        ('+', '+' or '=') => true,
        ('!', '=' or '~') => true,
        ('&', '&' or '=') => true,
        _ => false,
    };

    private void Binary(BinaryExpression b)
    {
        int level = Precedence.Of(b);
        // Comparisons may not take a regex match as their left operand without parentheses.
        if (level == Precedence.Comparison && b.Left is RegexMatch)
        {
            _out.Append('(');
            Bare(b.Left);
            _out.Append(')');
        }
        else
        {
            Expr(b.Left, level);
        }

        _out.Append(' ').Append(b.Operator).Append(' ');
        Expr(b.Right, level + 1);
    }

    private void Membership(ArrayMembership m)
    {
        var indexes = m.Index.Indexes;
        if (indexes.Length == 1 && indexes[0] is { } single)
        {
            Expr(single, Precedence.Comparison);
        }
        else
        {
            Indexes(indexes);
        }

        _out.Append(" in ");
        Expr(m.Index.Base, Precedence.Primary);
    }

    private void Target(TargetExpression t)
    {
        if (t.AddressOf)
        {
            _out.Append('&');
        }

        SeparatedOperand(t.Operand, Precedence.Primary);
        foreach (var component in t.Components)
        {
            if (component.Member is { } member)
            {
                _out.Append("->").Append(member);
            }
            else
            {
                _out.Append('[');
                Expr(component.Index!, 0);
                _out.Append(']');
            }
        }

        if (t.PrettyPrint is { } pp)
        {
            // "$x$" reads as one token; after a member or index the marker stands alone.
            if (t.Components.IsEmpty && t.Operand is TargetVariable)
            {
                _out.Append(pp);
            }
            else if (t.Components.Length > 0 && t.Components[^1].Member is not null)
            {
                _out.Append(pp);
            }
            else
            {
                _out.Append(' ').Append(pp);
            }
        }
    }

    private void Indexes(System.Collections.Immutable.ImmutableArray<Expression?> indexes)
    {
        _out.Append('[');
        for (int i = 0; i < indexes.Length; i++)
        {
            if (i > 0)
            {
                _out.Append(", ");
            }

            if (indexes[i] is { } index)
            {
                Expr(index, 0);
            }
            else
            {
                _out.Append('*');
            }
        }

        _out.Append(']');
    }

    private void Arguments(StringLiteral? format, System.Collections.Immutable.ImmutableArray<Expression> args)
    {
        _out.Append('(');
        bool first = true;
        if (format is not null)
        {
            Literal(format);
            first = false;
        }

        foreach (var arg in args)
        {
            if (!first)
            {
                _out.Append(", ");
            }

            Expr(arg, 0);
            first = false;
        }

        _out.Append(')');
    }
}
