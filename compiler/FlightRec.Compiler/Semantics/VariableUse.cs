using FlightRec.Compiler.Syntax;

namespace FlightRec.Compiler.Semantics;

/// <summary>
/// Which variables some code reads, writes and uses, and whether it has effects beyond its
/// writes (printing, impure tapset functions, embedded code, assigning context variables):
/// stap's varuse_collecting_visitor, which the optimizer and the end-of-session display of
/// globals are built on. Called script functions are followed, each body once.
/// </summary>
public sealed class VariableUse(SemanticContext context)
{
    private readonly HashSet<FunctionSymbol> _entered = [];
    private SymbolScope _scope = new();
    private Node? _lvalue;
    private Node? _lrvalue;
    private bool _lvalueRead;

    public HashSet<VariableSymbol> Read { get; } = [];

    public HashSet<VariableSymbol> Written { get; } = [];

    /// <summary>Read for its value (not only by <c>x++</c> or <c>x += 1</c> as a statement).</summary>
    public HashSet<VariableSymbol> Used { get; } = [];

    /// <summary>stap's embedded_seen: an effect that is not a variable write.</summary>
    public bool OtherEffects { get; private set; }

    /// <summary>The script functions whose bodies were followed.</summary>
    public IReadOnlyCollection<FunctionSymbol> Entered => _entered;

    public bool SideEffectFree => Written.Count == 0 && !OtherEffects;

    /// <summary>No effect visible outside: writes only to variables not in <paramref name="focal"/>.</summary>
    public bool SideEffectFreeWith(IReadOnlySet<VariableSymbol> focal) => !OtherEffects && !Written.Overlaps(focal);

    /// <summary>Every body of every probe, and what they call.</summary>
    public static VariableUse OfProgram(SemanticContext context)
    {
        var use = new VariableUse(context);
        foreach (var probe in context.Probes)
        {
            foreach (var body in probe.Bodies.Concat<Node>(probe.Conditions))
            {
                use.Visit(body, probe.Scope);
            }
        }

        return use;
    }

    /// <summary>Treats a function as already followed (stap seeds "seen" with the function being checked).</summary>
    public void Enter(FunctionSymbol function) => _entered.Add(function);

    public void Visit(Node node, SymbolScope scope)
    {
        var saved = _scope;
        _scope = scope;
        Node(node);
        _scope = saved;
    }

    private void Node(Node? node)
    {
        switch (node)
        {
            case null:
                return;
            case IfStatement i:
                Reading(i.Condition);
                Node(i.Then);
                Node(i.Else);
                return;
            case ForStatement f:
                Node(f.Init);
                Reading(f.Condition);
                Node(f.Increment);
                Node(f.Body);
                return;
            case ForeachStatement fe:
                Foreach(fe);
                return;
            case TryStatement t:
                Node(t.Try);
                if (_scope.CatchVariables.TryGetValue(t, out var error))
                {
                    Written.Add(error);
                }

                Node(t.Catch);
                return;
            case ReturnStatement r:
                Reading(r.Value);
                return;
            case DeleteStatement d:
                With(lrvalue: d.Target, read: true, () => Node(d.Target));
                return;
            case Variable v:
                Symbol(v);
                return;
            case ArrayIndex a:
                Index(a);
                return;
            case FunctionCall call:
                Call(call);
                return;
            case PrintCall p:
                if (p.Name is not ("sprint" or "sprintln" or "sprintf" or "sprintd" or "sprintdln"))
                {
                    OtherEffects = true;
                }

                With(_lvalue, _lrvalue, read: true, () => Children(p));
                return;
            case Assignment a when a.Operator is "=" or "<<<":
                With(lvalue: a.Target, _lrvalue, read: true, () => Children(a));
                return;
            case Assignment a:
                With(_lvalue, lrvalue: a.Target, _lvalueRead, () => Children(a));
                return;
            case CrementExpression c:
                With(_lvalue, lrvalue: c.Operand, _lvalueRead, () => Children(c));
                return;
            case TernaryExpression t:
                Reading(t.Condition);
                Node(t.WhenTrue);
                Node(t.WhenFalse);
                return;
            case TargetVariable or TargetExpression or CastExpression or DerefExpression or AtLiteralOperator:
                // An unresolved context variable assigned to keeps its statement (PR5516).
                if (ReferenceEquals(node, _lvalue) || ReferenceEquals(node, _lrvalue))
                {
                    OtherEffects = true;
                }

                Children(node);
                return;
            case EmbeddedExpression e:
                OtherEffects |= !e.Code.Contains("/* pure */", StringComparison.Ordinal);
                return;
            case EmbeddedCode code:
                OtherEffects |= !code.Code.Contains("/* pure */", StringComparison.Ordinal);
                return;
            case AtOperator { Name: "@defined" }:
                return;
            default:
                Children(node);
                return;
        }
    }

    private void Children(Node node)
    {
        foreach (var child in SyntaxChildren.Of(node))
        {
            Node(child);
        }
    }

    private void Reading(Node? node) => With(_lvalue, _lrvalue, read: true, () => Node(node));

    private void With(Node? lvalue, Node? lrvalue, bool read, Action action)
    {
        var (savedL, savedLr, savedRead) = (_lvalue, _lrvalue, _lvalueRead);
        (_lvalue, _lrvalue, _lvalueRead) = (lvalue, lrvalue, read);
        action();
        (_lvalue, _lrvalue, _lvalueRead) = (savedL, savedLr, savedRead);
    }

    private void With(Node? lrvalue, bool read, Action action) => With(_lvalue, lrvalue, read, action);

    private void Symbol(Variable v)
    {
        if (!_scope.Bindings.TryGetValue(v, out var symbol))
        {
            return;
        }

        bool isLvalue = ReferenceEquals(_lvalue, v);
        bool isLrvalue = ReferenceEquals(_lrvalue, v);
        if (isLvalue || isLrvalue)
        {
            Written.Add(symbol);
        }

        if (!isLvalue || isLrvalue)
        {
            Read.Add(symbol);
        }

        if (isLrvalue ? _lvalueRead : !isLvalue)
        {
            Used.Add(symbol);
        }
    }

    private void Index(ArrayIndex a)
    {
        With(_lvalue, _lrvalue, read: true, () =>
        {
            foreach (var index in a.Indexes)
            {
                Node(index);
            }
        });

        // The array itself takes the place of the element as the thing written.
        var lvalue = ReferenceEquals(_lvalue, a) ? a.Base : _lvalue;
        var lrvalue = ReferenceEquals(_lrvalue, a) ? a.Base : _lrvalue;
        With(lvalue, lrvalue, _lvalueRead, () => Node(a.Base));
    }

    private void Foreach(ForeachStatement fe)
    {
        Node(fe.Source);
        if (fe.Sort != SortDirection.None && fe.Source is Variable sorted && _scope.Bindings.TryGetValue(sorted, out var array))
        {
            // Sorting counts as writing the array, as in stap.
            Written.Add(array);
        }

        if (_scope.ForeachVariables.TryGetValue(fe, out var variables))
        {
            Written.UnionWith(variables);
        }

        foreach (var slice in fe.Slice)
        {
            Reading(slice);
        }

        Reading(fe.Limit);
        Node(fe.Body);
    }

    private void Call(FunctionCall call)
    {
        With(_lvalue, _lrvalue, read: true, () =>
        {
            foreach (var argument in call.Arguments)
            {
                Node(argument);
            }
        });

        if (!context.Calls.TryGetValue(call, out var function))
        {
            return;
        }

        if (function.IsBuiltin)
        {
            OtherEffects |= BuiltinEffects.HasSideEffects(function);
            return;
        }

        if (_entered.Add(function) && function.Body is { } body)
        {
            var (savedL, savedLr, savedRead, savedScope) = (_lvalue, _lrvalue, _lvalueRead, _scope);
            (_lvalue, _lrvalue, _lvalueRead, _scope) = (null, null, false, function.Scope);
            Node(body);
            (_lvalue, _lrvalue, _lvalueRead, _scope) = (savedL, savedLr, savedRead, savedScope);
        }
    }
}
