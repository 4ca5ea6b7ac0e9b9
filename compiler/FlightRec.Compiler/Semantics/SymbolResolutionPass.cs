using FlightRec.Compiler.Diagnostics;
using FlightRec.Compiler.Syntax;

namespace FlightRec.Compiler.Semantics;

/// <summary>
/// Binds every name in function and probe bodies (LANGUAGE.md §4.2a): parameters shadow
/// globals, other names are globals when declared, else locals of the enclosing body. Also
/// resolves calls by name and arity, fixes each variable's arity, and checks where
/// break/continue may appear and that arrays and statistics are global.
/// </summary>
public sealed class SymbolResolutionPass : ISemanticPass
{
    public void Run(SemanticContext context)
    {
        var notLvalues = new List<(FunctionSymbol? Function, Assignment Assignment)>();
        foreach (var probe in context.Probes.DistinctBy(p => p.Scope, ReferenceEqualityComparer.Instance))
        {
            var sharing = context.Probes.Where(p => ReferenceEquals(p.Scope, probe.Scope)).ToList();
            var walker = new Walker(context, null, probe.Scope, notLvalues, new TargetVariableResolver(context, sharing));
            foreach (var condition in sharing.SelectMany(p => p.Conditions).Distinct(ReferenceEqualityComparer.Instance).Cast<Expression>())
            {
                walker.Condition(condition);
            }

            foreach (var body in probe.Bodies)
            {
                walker.Statement(body);
            }

            walker.Finish();
        }

        foreach (var function in context.AllFunctions)
        {
            if (function.Declaration?.Body is Block body)
            {
                var walker = new Walker(context, function, function.Scope, notLvalues, new TargetVariableResolver(context, null));
                walker.Statement(body);
                walker.Finish();
            }
        }

        foreach (var global in context.Globals.Where(g => g.Wrap && g.Arity == 0))
        {
            context.Error("wrapping not supported for scalars", (global.DeclaredAt, TokenDescriber.Identifier(global.Name)));
        }

        if (!context.Diagnostics.HasErrors)
        {
            EmbeddedPragmas.Resolve(context);
        }

        if (!context.Diagnostics.HasErrors && !context.Unoptimized)
        {
            ReportFirstNotLvalue(context, notLvalues);
        }
    }

    /// <summary>
    /// stap finds assignments to non-lvalues only in its optimizer (dead_assignment_remover,
    /// skipped by -u), which runs after resolution over the probes and then the functions that
    /// are called, children before parents, and throws at the first, naming the offending operand.
    /// </summary>
    private static void ReportFirstNotLvalue(SemanticContext context, List<(FunctionSymbol? Function, Assignment Assignment)> notLvalues)
    {
        if (notLvalues.FirstOrDefault(n => n.Function is null || n.Function.Used).Assignment is { } first)
        {
            var at = TokenDescriber.Describe(first);
            context.Diagnostics.Add(Diagnostic.Semantic("Expecting lvalue for assignment", at.Span, at.Token) with
            {
                Second = TokenDescriber.Describe(first.Target),
            });
        }
    }

    private sealed class Walker(SemanticContext context, FunctionSymbol? function, SymbolScope scope,
        List<(FunctionSymbol? Function, Assignment Assignment)> notLvalues, TargetVariableResolver targets)
    {
        private readonly Dictionary<string, VariableSymbol> _locals = scope.Locals.ToDictionary(l => l.Name, StringComparer.Ordinal);
        private readonly List<VariableSymbol> _iterating = [];
        private readonly Dictionary<VariableSymbol, int> _references = [];
        private readonly List<(VariableSymbol Symbol, Variable At, bool Fed)> _statLocals = [];
        private int _loops;

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
                    Expression(e.Expression);
                    break;
                case IfStatement i:
                    Expression(i.Condition);
                    Statement(i.Then);
                    if (i.Else is { } otherwise)
                    {
                        Statement(otherwise);
                    }

                    break;
                case ForStatement f:
                    Optional(f.Init);
                    Optional(f.Condition);
                    Optional(f.Increment);
                    Loop(f.Body);
                    break;
                case ForeachStatement fe:
                    Foreach(fe);
                    break;
                case TryStatement t:
                    Statement(t.Try);
                    if (t.CatchVariable is { } name)
                    {
                        scope.CatchVariables[t] = Scalar(name, t.Catch.Span, TokenDescriber.Identifier(name));
                    }

                    Statement(t.Catch);
                    break;
                case ReturnStatement r:
                    Optional(r.Value);
                    break;
                case DeleteStatement d:
                    Delete(d);
                    break;
                case BreakStatement or ContinueStatement when _loops == 0:
                    string word = statement is BreakStatement ? "break" : "continue";
                    context.Error($"cannot '{word}' outside loop", statement);
                    break;
            }
        }

        /// <summary>A probe's <c>if (...)</c> guard may read globals only: it is evaluated outside any handler.</summary>
        public void Condition(Expression condition)
        {
            var undeclared = SyntaxChildren.DescendantsAndSelf(condition).OfType<Variable>()
                .FirstOrDefault(v => context.GlobalFor(v.Span.File, v.Name) is null);
            if (undeclared is not null)
            {
                context.Error("probe condition must not reference undeclared global", undeclared);
                return;
            }

            Expression(condition);
        }

        private void Loop(Statement body)
        {
            _loops++;
            Statement(body);
            _loops--;
        }

        private void Foreach(ForeachStatement fe)
        {
            var variables = new List<VariableSymbol>();
            foreach (string key in fe.Keys)
            {
                var at = ForeachNames.Describe(fe, key);
                variables.Add(Scalar(key, at.Span, at.Token));
            }

            if (fe.ValueVariable is { } value)
            {
                var at = ForeachNames.Describe(fe, value);
                variables.Add(Scalar(value, at.Span, at.Token));
            }

            scope.ForeachVariables[fe] = [.. variables];
            foreach (var slice in fe.Slice)
            {
                Optional(slice);
            }

            VariableSymbol? iterated = null;
            if (fe.Source is Variable array)
            {
                Array(array, fe.Keys.Length);
                iterated = scope.Bindings[array];
                if (fe.Slice.Length > 0 && fe.Slice.Length != fe.Keys.Length && iterated.Kind == SymbolKind.Global)
                {
                    // stap checks the slice after binding the array, so it names the array by its
                    // mangled global name.
                    context.Error($"unresolved arity-{fe.Slice.Length} global array __global_{array.Name}, missing global declaration?", array);
                }
            }
            else
            {
                Expression(fe.Source);
            }

            Optional(fe.Limit);
            if (iterated is not null)
            {
                _iterating.Add(iterated);
            }

            Loop(fe.Body);
            if (iterated is not null)
            {
                _iterating.RemoveAt(_iterating.Count - 1);
            }
        }

        private void Delete(DeleteStatement d)
        {
            CheckNotIterated(d);
            if (d.Target is Variable whole)
            {
                // A whole array or a scalar: the arity is decided by the other uses.
                Bind(whole, whole.Name);
                return;
            }

            Expression(d.Target);
        }

        private void Optional(Expression? e)
        {
            if (e is not null)
            {
                Expression(e);
            }
        }

        private void Expression(Expression e)
        {
            switch (e)
            {
                case Variable v:
                    Scalar(v);
                    break;
                case ArrayIndex a:
                    Index(a);
                    break;
                case ArrayMembership m:
                    Index(m.Index);
                    break;
                case FunctionCall call:
                    Call(call);
                    break;
                case PrintCall p:
                    foreach (var arg in p.Arguments)
                    {
                        Expression(arg);
                    }

                    if (p.Histogram is { } histogram)
                    {
                        Expression(histogram);
                    }

                    break;
                case UnaryExpression u:
                    Expression(u.Operand);
                    break;
                case CrementExpression c:
                    CheckNotIterated(c);
                    if (c.Operand is not (Variable or ArrayIndex or TargetVariable or TargetExpression))
                    {
                        context.Error("Expecting lvalue for assignment", c);
                    }

                    Expression(c.Operand);
                    break;
                case BinaryExpression b:
                    Expression(b.Left);
                    Expression(b.Right);
                    break;
                case RegexMatch r:
                    Expression(r.Subject);
                    break;
                case TernaryExpression t:
                    Expression(t.Condition);
                    Expression(t.WhenTrue);
                    Expression(t.WhenFalse);
                    break;
                case Assignment a:
                    Assignment(a);
                    break;
                case StatisticExpression s:
                    Aggregate(s.Operand, fed: false);
                    break;
                case HistogramExpression h:
                    Aggregate(h.Operand, fed: false);
                    break;
                case AtOperator { Name: "@defined" }:
                    break;
                case AtOperator at:
                    Expression(at.Operand);
                    break;
                case TargetExpression te when Autocast.Is(te):
                    // stap's autocast: the operand is an ordinary value, typed like any other.
                    Expression(te.Operand);
                    break;
                case TargetVariable or TargetExpression:
                    if (e is TargetExpression targetExpression)
                    {
                        foreach (var index in targetExpression.Components.Select(c => c.Index).OfType<Expression>())
                        {
                            Expression(index);
                        }
                    }

                    targets.Resolve(e);
                    break;
                case CastExpression or EnumNameExpression or DerefExpression or AtLiteralOperator:
                    // Bound here, reported by TargetSymbolPass only if the optimizer keeps it (as stap does).
                    foreach (var operand in SyntaxChildren.Of(e).OfType<Expression>())
                    {
                        Expression(operand);
                    }

                    break;
            }
        }

        private void Assignment(Assignment a)
        {
            CheckNotIterated(a);
            targets.RefuseWrite(a.Target);
            if (a.Operator == "<<<")
            {
                Aggregate(a.Target, fed: true);
            }
            else
            {
                Expression(a.Target);
            }

            Expression(a.Value);
            if (a.Target is not (Variable or ArrayIndex or TargetVariable or TargetExpression))
            {
                notLvalues.Add((function, a));
            }
        }

        // The operand of <<< or of an extractor must be a global (scalar or array element).
        private void Aggregate(Expression operand, bool fed)
        {
            Expression(operand);
            if (operand is Variable v && scope.Bindings.TryGetValue(v, out var symbol) && symbol.Kind != SymbolKind.Global)
            {
                _statLocals.Add((symbol, v, fed));
            }
        }

        private void Index(ArrayIndex a)
        {
            if (a.Base is Variable array)
            {
                Array(array, a.Indexes.Length);
                scope.Bindings[a] = scope.Bindings[array];
            }
            else
            {
                Expression(a.Base);
            }

            foreach (var index in a.Indexes)
            {
                Optional(index);
            }
        }

        private void Array(Variable array, int arity)
        {
            var symbol = Bind(array, array.Name);
            if (symbol.Kind != SymbolKind.Global)
            {
                context.Error($"unresolved arity-{arity} global array {array.Name}, missing global declaration?", array);
                return;
            }

            SetArity(symbol, arity, array);
        }

        private VariableSymbol Scalar(Variable v)
        {
            var symbol = Bind(v, v.Name);
            SetArity(symbol, 0, v);
            return symbol;
        }

        private VariableSymbol Scalar(string name, SourceSpan span, string token)
        {
            var symbol = Lookup(name, span, token);
            if (symbol.Arity is null)
            {
                symbol.SetArity(0);
                symbol.ArityOrigin = (span, token);
            }

            return symbol;
        }

        private void SetArity(VariableSymbol symbol, int arity, Node at)
        {
            var where = TokenDescriber.Describe(at);
            if (arity == 0 && symbol.Size is not null)
            {
                // global a[10] declares an array; stap's set_arity refuses it as a scalar.
                context.Error("inconsistent arity", where);
                return;
            }

            if (symbol.Arity is null)
            {
                symbol.SetArity(arity);
                symbol.ArityOrigin = where;
            }
            else if (symbol.Arity != arity)
            {
                context.Error($"inconsistent arity ({symbol.Arity} vs {arity})", where,
                    $"arity {symbol.Arity} first inferred here", symbol.ArityOrigin);
            }
        }

        /// <summary>
        /// Reports statistics on locals, except (without -u) a local only ever fed with
        /// <c>&lt;&lt;&lt;</c>: stap's optimizer elides it before the check.
        /// </summary>
        public void Finish()
        {
            foreach (var (symbol, _, _) in _statLocals)
            {
                bool onlyFed = _statLocals.Count(s => s.Symbol == symbol && s.Fed) == _references.GetValueOrDefault(symbol);
                // The others are refused by type inference, after their body (stap's check_local).
                if (!context.Unoptimized && onlyFed)
                {
                    symbol.Elided = true;
                }
            }
        }

        private VariableSymbol Bind(Variable v, string name)
        {
            var symbol = Lookup(name, v.Span, TokenDescriber.Identifier(name));
            _references[symbol] = _references.GetValueOrDefault(symbol) + 1;
            scope.Bindings[v] = symbol;
            return symbol;
        }

        private VariableSymbol Lookup(string name, SourceSpan span, string token)
        {
            VariableSymbol? symbol = function?.Parameters.FirstOrDefault(p => p.Name == name);
            symbol ??= context.GlobalFor(span.File, name);
            if (symbol is null && !_locals.TryGetValue(name, out symbol))
            {
                symbol = new VariableSymbol(name, SymbolKind.Local, span);
                _locals.Add(name, symbol);
                scope.Locals.Add(symbol);
            }

            if (symbol.FirstUse is null && symbol.Kind == SymbolKind.Global)
            {
                context.GlobalsByFirstReference.Add(symbol);
            }

            symbol.FirstUse ??= (span, token);
            return symbol;
        }

        private void Call(FunctionCall call)
        {
            foreach (var arg in call.Arguments)
            {
                Expression(arg);
            }

            int arity = call.Arguments.Length;
            var target = context.FunctionFor(call.Span.File, call.Name, arity) ?? Builtin(call.Name, arity);
            if (target is not null)
            {
                // stap: an embedded function marked /* guru */ needs -g unless a tapset calls it.
                if (!context.Guru && target.Declaration?.Body is EmbeddedCode code
                    && code.Code.Contains("/* guru */", StringComparison.Ordinal) && call.Span.File == context.Script.Source)
                {
                    context.Error("function may not be used unless -g is specified", call);
                }

                target.Used = true;
                context.Calls[call] = target;
                if (_iterating.FirstOrDefault(a => WrittenGlobals(target, []).Contains(a.Name)) is { } modified)
                {
                    context.Error($"function call modifies var '{modified.Name}' during 'foreach' iteration", call);
                }

                return;
            }

            var sameName = context.Functions.Values.LastOrDefault(f => f.Name == call.Name);
            if (sameName is not null)
            {
                context.Diagnostics.Add(Diagnostic.Semantic(
                    $"arity mismatch found (function '{call.Name}' takes {sameName.Arity} args)",
                    call.Span, TokenDescriber.Identifier(call.Name)) with
                {
                    Second = (sameName.DeclaredAt!.Value, TokenDescriber.Identifier(call.Name)),
                });
            }
            else if (BuiltinCatalogue.AnyArity(call.Name) is { } builtinArity)
            {
                context.Error($"arity mismatch found (function '{call.Name}' takes {builtinArity} args)", call);
            }
            else
            {
                context.Error($"unresolved function {call.Name}", call);
            }
        }

        // The array being iterated may be read but not changed, here or in a called function.
        private void CheckNotIterated(Node write)
        {
            if (_iterating.Count > 0 && SyntaxChildren.WrittenVariable(write) is { } v
                && _iterating.Any(a => a.Name == v.Name && (function is null || function.Parameters.All(p => p.Name != v.Name))))
            {
                context.Error($"variable '{v.Name}' modified during 'foreach' iteration", v);
            }
        }

        /// <summary>Globals a script function writes, directly or through the functions it calls.</summary>
        private HashSet<string> WrittenGlobals(FunctionSymbol target, HashSet<FunctionSymbol> visited)
        {
            var written = new HashSet<string>(StringComparer.Ordinal);
            if (target.Declaration?.Body is not Block body || !visited.Add(target))
            {
                return written;
            }

            foreach (var node in SyntaxChildren.DescendantsAndSelf(body))
            {
                if (SyntaxChildren.WrittenVariable(node) is { } v && context.GlobalFor(v.Span.File, v.Name) is not null
                    && target.Parameters.All(p => p.Name != v.Name))
                {
                    written.Add(v.Name);
                }
                else if (node is FunctionCall call && context.FunctionFor(call.Span.File, call.Name, call.Arguments.Length) is { } callee)
                {
                    written.UnionWith(WrittenGlobals(callee, visited));
                }
            }

            return written;
        }

        // One symbol per built-in per compilation, so -p2 lists each used built-in once.
        private FunctionSymbol? Builtin(string name, int arity)
        {
            if (context.Builtins.TryGetValue((name, arity), out var existing))
            {
                return existing;
            }

            if (BuiltinCatalogue.Create(name, arity) is not { } created)
            {
                return null;
            }

            context.Builtins.Add((name, arity), created);
            return created;
        }
    }
}
