using FlightRec.Compiler.Semantics;
using FlightRec.Compiler.Syntax;
using FlightRec.Runtime.Formatting;
using RuntimeStringLiteral = FlightRec.Runtime.Formatting.StringLiteral;
using StringLiteral = FlightRec.Compiler.Syntax.StringLiteral;

namespace FlightRec.Compiler.Translation;

/// <summary>
/// C# for script expressions in one scope (a probe or a function). Values are <c>long</c> or
/// <c>string</c>; anything whose behaviour needs the runtime (division by zero, shifts,
/// MAXSTRINGLEN, empty aggregates) goes through the runtime's helpers with its error location.
/// </summary>
internal sealed class ExpressionEmitter(ModuleState module, SymbolScope scope)
{
    private const string MaxString = "ctx.Session.Limits.MaxStringLength";

    private static readonly HashSet<string> Comparisons = ["<", ">", "<=", ">=", "==", "!="];

    /// <summary>Where MAXACTION charges after calls go (stap charges at each call site); null: none.</summary>
    public ActionCounter? Actions { get; set; }

    public SemanticType TypeOf(Expression expression) => module.Types.Of(expression, scope);

    public VariableSymbol Symbol(Expression reference) => ExpressionTypes.Symbol(reference, scope);

    /// <summary>An expression whose value is used: C# of type long or string.</summary>
    public string Value(Expression expression) => expression switch
    {
        NumberLiteral n => CSharpText.Long(n.Value),
        StringLiteral s => StoredLiteral(s, module.Limits),
        Variable v => Scalar(v),
        ArrayIndex { Base: HistogramExpression } bucket => Bucket(bucket),
        ArrayIndex a => Element(a),
        FunctionCall call => Call(call, valueUsed: true),
        PrintCall { Name: var name } print when name.StartsWith("sprint", StringComparison.Ordinal) => Sprint(print),
        UnaryExpression u => Unary(u),
        CrementExpression c => "(" + Crement(c) + ")",
        BinaryExpression b => Binary(b),
        TernaryExpression t => $"({Condition(t.Condition)} ? {Value(t.WhenTrue)} : {Value(t.WhenFalse)})",
        Assignment { Operator: not "<<<" } a => "(" + Assign(a) + ")",
        // stap: 'b in @hist_log(s)' is '@hist_log(s)[b]', the bucket's count, not 0 or 1.
        ArrayMembership { Index.Base: HistogramExpression } m => Bucket(m.Index),
        ArrayMembership m => $"ScriptMath.Bool({Membership(m)})",
        RegexMatch r => $"ScriptMath.Bool({Match(r)})",
        StatisticExpression s => Statistic(s),
        TargetVariable t => TargetValue(t),
        TargetExpression { AddressOf: false, PrettyPrint: null, Operand: TargetVariable t, Components: [{ Member: null, Index: { } i }] } =>
            $"TapsetTracepoint.Element(ctx.Probe, {module.TargetFieldSlot(t.Name[1..])}, {Value(i)}, {Near(t)})",
        _ => throw NotTranslated(expression),
    };

    // A tracepoint's $field (pass 2 typed it from the format file) or one of stap's $$ forms.
    private string TargetValue(TargetVariable variable) => variable.Name switch
    {
        "$$name" => "TapsetTracepoint.Name(ctx.Probe)",
        "$$vars" or "$$parms" => "TapsetTracepoint.Vars(ctx.Probe)",
        _ when variable.Name.StartsWith("$$", StringComparison.Ordinal) => throw NotTranslated(variable),
        _ => module.Program.TargetTypes.GetValueOrDefault(variable) == SemanticType.String
            ? $"TapsetTracepoint.Text(ctx.Probe, {module.TargetFieldSlot(variable.Name[1..])})"
            : $"TapsetTracepoint.Long(ctx.Probe, {module.TargetFieldSlot(variable.Name[1..])})",
    };

    /// <summary>An expression tested for truth: C# of type bool.</summary>
    public string Condition(Expression expression) => expression switch
    {
        BinaryExpression { Operator: "&&" or "||" } b => $"({Condition(b.Left)} {b.Operator} {Condition(b.Right)})",
        BinaryExpression b when Comparisons.Contains(b.Operator) => Compare(b),
        UnaryExpression { Operator: "!" } u => $"!({Condition(u.Operand)})",
        ArrayMembership { Index.Base: not HistogramExpression } m => Membership(m),
        RegexMatch r => Match(r),
        _ => $"{Value(expression)} != 0",
    };

    /// <summary>An expression statement: C# usable before <c>;</c>.</summary>
    public string Statement(Expression expression) => expression switch
    {
        Assignment a => Assign(a),
        CrementExpression c => Crement(c),
        FunctionCall call => Call(call, valueUsed: false),
        PrintCall print => Print(print),
        _ => "_ = " + Value(expression),
    };

    /// <summary>
    /// A string literal where stap copies it into a MAXSTRINGLEN buffer (variables, array keys and
    /// values, function arguments, concatenation): cut to MAXSTRINGLEN − 1 bytes when the module
    /// is built. Print arguments and comparisons use the whole literal, as stap's C does.
    /// </summary>
    public static string StoredLiteral(StringLiteral literal, Runtime.Execution.ScriptLimits limits)
    {
        string text = CString(literal);
        return CSharpText.String(text.Length < limits.MaxStringLength ? text : text[..Math.Max(0, limits.MaxStringLength - 1)]);
    }

    /// <summary>An operand read in place (print arguments, comparisons): a literal stays whole.</summary>
    private string Operand(Expression expression) => expression is StringLiteral s
        ? CSharpText.String(CString(s))
        : Value(expression);

    /// <summary>A literal as stap's C sees it: an escaped NUL (<c>"\0"</c>) ends the string.</summary>
    private static string CString(StringLiteral literal)
    {
        string text = RuntimeStringLiteral.Unescape(literal.Text);
        int nul = text.IndexOf('\0', StringComparison.Ordinal);
        return nul < 0 ? text : text[..nul];
    }

    public static string Near(Node node) => CSharpText.Near(TokenDescriber.Describe(node));

    public static NotTranslatedException NotTranslated(Node node) => new(Describe(node), node);

    private static string Describe(Node node) => node switch
    {
        RegexMatch => "a regular expression match",
        TargetVariable or TargetExpression => "a target variable",
        AtOperator at => at.Name,
        AtLiteralOperator at => at.Name,
        CastExpression => "@cast",
        EnumNameExpression => "@enumname",
        DerefExpression d => d.Name,
        EmbeddedExpression => "embedded code",
        HistogramExpression => "a histogram outside print",
        PrintCall p => p.Name,
        Assignment { Operator: "<<<" } => "<<< used as a value",
        _ => $"this {node.GetType().Name} expression",
    };

    private string Scalar(Variable variable)
    {
        var symbol = Symbol(variable);
        if (symbol.IsArray || symbol.Type == SemanticType.Stats)
        {
            throw new NotTranslatedException($"{(symbol.IsArray ? "an array" : "an aggregate")} used as a value", variable);
        }

        return Reference(symbol);
    }

    /// <summary>The C# variable of a scalar global, local or parameter.</summary>
    public string Reference(VariableSymbol symbol) =>
        symbol.Kind == SymbolKind.Global ? module.Names.Global(symbol) : NameMangler.Local(symbol);

    private string Element(ArrayIndex index)
    {
        var array = Symbol(index);
        if (array.Type == SemanticType.Stats)
        {
            throw new NotTranslatedException("an aggregate element used as a value", index);
        }

        return $"{Reference(array)}.Get({Key(index, array)})";
    }

    /// <summary><c>new Key2&lt;long, string&gt;(i, s)</c> for the indexes of an element.</summary>
    public string Key(ArrayIndex index, VariableSymbol array)
    {
        if (IsSlice(index))
        {
            throw new NotTranslatedException("an array slice (*) here", index);
        }

        return $"new {ModuleState.KeyType(array, index)}({string.Join(", ", index.Indexes.Select(i => Value(i!)))})";
    }

    public static bool IsSlice(ArrayIndex index) => index.Indexes.Any(i => i is null);

    /// <summary>
    /// A slice <c>a[x, *]</c> as a pattern key and the bit mask of its fixed columns: the
    /// <c>*</c> columns hold 0 or "", which the runtime never compares. The fixed indexes are
    /// evaluated left to right, as stap evaluates them into temporaries.
    /// </summary>
    public (string Pattern, int FixedColumns) Slice(ArrayIndex index, VariableSymbol array)
    {
        var columns = index.Indexes.Select((e, i) => e is null ? ModuleState.DefaultValue(array.IndexTypes[i]) : Value(e));
        int mask = index.Indexes.Select((e, i) => e is null ? 0 : 1 << i).Sum();
        return ($"new {ModuleState.KeyType(array, index)}({string.Join(", ", columns)})", mask);
    }

    private string Membership(ArrayMembership membership)
    {
        var array = Symbol(membership.Index);
        if (IsSlice(membership.Index))
        {
            var (pattern, mask) = Slice(membership.Index, array);
            return $"{Reference(array)}.ContainsMatch({pattern}, {mask})";
        }

        return $"{Reference(array)}.Contains({Key(membership.Index, array)})";
    }

    /// <summary>
    /// <c>@hist_log(s)[i]</c>: the bucket index is evaluated before the aggregate's indexes, as in
    /// stap; an empty or absent aggregate is <c>empty aggregate</c>, a bad index out of range.
    /// </summary>
    private string Bucket(ArrayIndex index)
    {
        var histogram = (HistogramExpression)index.Base;
        if (index.Indexes.Length != 1 || index.Indexes[0] is not { } bucket)
        {
            throw NotTranslated(index);
        }

        return $"HistogramReads.Bucket({Value(bucket)}, {StatsValue(histogram.Operand)}, {Near(index)})";
    }

    /// <summary><c>s =~ "re"</c> (or <c>!~</c>): records the match for matched() and ngroups().</summary>
    private string Match(RegexMatch match)
    {
        string test = $"{module.Statics.Regex(match.Pattern.Text)}.IsMatch({Value(match.Subject)}, ctx.Probe)";
        return match.Negated ? "!" + test : test;
    }

    private string Unary(UnaryExpression unary) => unary.Operator switch
    {
        "-" when IsConstant(unary) => $"unchecked(-{Value(unary.Operand)})",
        "-" => $"(-{Value(unary.Operand)})",
        "+" => Value(unary.Operand),
        "~" => $"(~{Value(unary.Operand)})",
        "!" => $"ScriptMath.Bool({Value(unary.Operand)} == 0)",
        _ => throw NotTranslated(unary),
    };

    // C# folds constant arithmetic at compile time and refuses an overflow there (CS0220); script
    // arithmetic wraps, so constant operands are computed in an unchecked context.
    private static bool IsConstant(Expression expression) => expression switch
    {
        NumberLiteral => true,
        UnaryExpression { Operator: "-" or "+" or "~" } u => IsConstant(u.Operand),
        BinaryExpression { Operator: "+" or "-" or "*" or "&" or "|" or "^" } b => IsConstant(b.Left) && IsConstant(b.Right),
        _ => false,
    };

    private string Binary(BinaryExpression binary)
    {
        if (binary.Operator is "&&" or "||" || Comparisons.Contains(binary.Operator))
        {
            return $"ScriptMath.Bool({Condition(binary)})";
        }

        string left = Value(binary.Left);
        string right = Value(binary.Right);
        return binary.Operator switch
        {
            "+" or "-" or "*" when IsConstant(binary) => $"unchecked({left} {binary.Operator} {right})",
            "+" or "-" or "*" or "&" or "|" or "^" => $"({left} {binary.Operator} {right})",
            "/" => $"ScriptMath.Divide({left}, {right}, {Near(binary)})",
            "%" => $"ScriptMath.Modulo({left}, {right}, {Near(binary)})",
            "<<" => $"ScriptMath.ShiftLeft({left}, {right})",
            ">>" => $"ScriptMath.ShiftRight({left}, {right})",
            ">>>" => $"ScriptMath.ShiftRightLogical({left}, {right})",
            "." => $"ScriptString.Concat({left}, {right}, {MaxString})",
            _ => throw NotTranslated(binary),
        };
    }

    private string Compare(BinaryExpression comparison)
    {
        string left = Operand(comparison.Left);
        string right = Operand(comparison.Right);
        return TypeOf(comparison.Left) == SemanticType.String
            ? $"ScriptString.Compare({left}, {right}) {comparison.Operator} 0"
            : $"{left} {comparison.Operator} {right}";
    }

    private string Crement(CrementExpression crement)
    {
        string target = LValue(crement.Operand);
        return crement.Prefix ? crement.Operator + target : target + crement.Operator;
    }

    /// <summary>A long or string storage location: a C# variable or a map element reference.</summary>
    private string LValue(Expression target)
    {
        if (target is Variable v)
        {
            return Scalar(v);
        }

        if (target is ArrayIndex index)
        {
            var array = Symbol(index);
            if (array.Type == SemanticType.Stats)
            {
                throw new NotTranslatedException("an aggregate element used as a value", index);
            }

            return $"{Reference(array)}.GetOrAdd({Key(index, array)}, {Near(index)})";
        }

        throw NotTranslated(target);
    }

    private string Assign(Assignment assignment)
    {
        if (assignment.Operator == "<<<")
        {
            return Aggregate(assignment);
        }

        // An element whose value could change the array, or whose compound assignment would
        // need its indexes twice, goes through ElementUpdate, which keeps stap's order.
        if (assignment.Target is ArrayIndex element
            && (HasEffects(assignment.Value)
                || (assignment.Operator is not ("=" or "+=" or "-=" or "*=" or "&=" or "|=" or "^=")
                    && element.Indexes.Any(i => i is not (Variable or Literal)))))
        {
            return UpdateElement(assignment, element);
        }

        string value = Value(assignment.Value);
        if (assignment.Operator is "=" or "+=" or "-=" or "*=" or "&=" or "|=" or "^=")
        {
            return $"{LValue(assignment.Target)} {assignment.Operator} {value}";
        }

        string target = LValue(assignment.Target);
        string combined = assignment.Operator switch
        {
            "/=" => $"ScriptMath.Divide({target}, {value}, {Near(assignment)})",
            "%=" => $"ScriptMath.Modulo({target}, {value}, {Near(assignment)})",
            "<<=" => $"ScriptMath.ShiftLeft({target}, {value})",
            ">>=" => $"ScriptMath.ShiftRight({target}, {value})",
            ">>>=" => $"ScriptMath.ShiftRightLogical({target}, {value})",
            ".=" => $"ScriptString.Concat({target}, {value}, {MaxString})",
            _ => throw NotTranslated(assignment),
        };
        return $"{target} = {combined}";
    }

    /// <summary>Calls, assignments and increments may add to an array; reading one never does.</summary>
    private static bool HasEffects(Expression value) =>
        SyntaxChildren.DescendantsAndSelf(value).Any(n => n is FunctionCall or PrintCall or Assignment or CrementExpression);

    private string UpdateElement(Assignment assignment, ArrayIndex element)
    {
        var array = Symbol(element);
        if (array.Type == SemanticType.Stats)
        {
            throw new NotTranslatedException("an aggregate element used as a value", element);
        }

        string map = Reference(array);
        string key = Key(element, array);
        string value = Value(assignment.Value);
        string near = Near(element);
        return assignment.Operator switch
        {
            "=" => $"ElementUpdate.Store({map}, {key}, {value}, {near})",
            ".=" => $"ElementUpdate.Concat({map}, {key}, {value}, {MaxString}, {near})",
            _ => $"ElementUpdate.Combine({map}, {key}, CompoundOperator.{Compound(assignment)}, {value}, {near}, {Near(assignment)})",
        };
    }

    private static string Compound(Assignment assignment) => assignment.Operator switch
    {
        "+=" => "Add",
        "-=" => "Subtract",
        "*=" => "Multiply",
        "/=" => "Divide",
        "%=" => "Modulo",
        "&=" => "And",
        "|=" => "Or",
        "^=" => "Xor",
        "<<=" => "ShiftLeft",
        ">>=" => "ShiftRight",
        ">>>=" => "ShiftRightLogical",
        _ => throw NotTranslated(assignment),
    };

    private string Aggregate(Assignment assignment)
    {
        string value = Value(assignment.Value);
        return assignment.Target switch
        {
            Variable v => $"{Reference(Symbol(v))}.Add(ctx.Cpu, {value})",
            ArrayIndex index when Symbol(index) is var array =>
                $"{Reference(array)}.GetOrAdd({Key(index, array)}, {Near(index)}).Add(ctx.Cpu, {value})",
            _ => throw NotTranslated(assignment),
        };
    }

    private string Statistic(StatisticExpression statistic)
    {
        string snapshot = Snapshot(statistic.Operand);
        string near = Near(statistic);
        return statistic.Kind switch
        {
            StatisticKind.Count => $"{snapshot}.Count",
            StatisticKind.Sum => $"{snapshot}.Sum",
            StatisticKind.Min => $"{snapshot}.Min({near})",
            StatisticKind.Max => $"{snapshot}.Max({near})",
            StatisticKind.Avg => $"{snapshot}.Avg({near})",
            // The bit shift of @variance(s, N) is the aggregate's StatsDescriptor's (AggregateShapes).
            StatisticKind.Variance => $"{snapshot}.Variance({near})",
            _ => throw NotTranslated(statistic),
        };
    }

    /// <summary>The StatsSnapshot of an aggregate or of one element of an array of aggregates (empty when absent).</summary>
    private string Snapshot(Expression operand) => operand switch
    {
        Variable v => $"{Reference(Symbol(v))}.Read()",
        ArrayIndex index when Symbol(index) is var array =>
            $"({Reference(array)}.Get({Key(index, array)})?.ReadElement() ?? StatsSnapshot.Empty)",
        _ => throw NotTranslated(operand),
    };

    private string Call(FunctionCall call, bool valueUsed)
    {
        if (!module.Program.Calls.TryGetValue(call, out var function))
        {
            throw new NotTranslatedException($"a call of unresolved function {call.Name}", call);
        }

        var arguments = call.Arguments.Select(Value).ToList();
        if (!function.IsBuiltin)
        {
            if (valueUsed && function.ReturnType == SemanticType.Unknown)
            {
                throw new NotTranslatedException($"the value of {call.Name}, which returns nothing", call);
            }

            return Charged($"{module.Names.Function(function)}(ctx, {Near(call)}{string.Concat(arguments.Select(a => ", " + a))})",
                call, function, valueUsed);
        }

        var target = BuiltinMap.Find(call.Name, call.Arguments.Length)
            ?? throw new NotTranslatedException($"built-in function {call.Name}/{call.Arguments.Length}", call);
        if (target.Context)
        {
            arguments.Insert(0, "ctx.Probe");
        }

        if (target.MaxString)
        {
            arguments.Add(MaxString);
        }

        return Charged($"{target.Method}({string.Join(", ", arguments)})", call, function, valueUsed);
    }

    private string Charged(string code, FunctionCall call, FunctionSymbol callee, bool valueUsed)
    {
        string charged = Actions is not { Enabled: true } ? code : Actions.AfterCall(code, new ActionBound(module.Program).OfCallee(callee), TokenDescriber.Describe(call), valueUsed);
        if (callee.Body is null || !SyntaxChildren.DescendantsAndSelf(callee.Body).OfType<NextStatement>().Any())
        {
            return charged;
        }

        // A callee that may run `next` has no other overload to pass to: stap raises an error here.
        return valueUsed ? $"ctx.CheckNext({charged}, {Near(call)})" : $"{charged}; ctx.CheckNext({Near(call)})";
    }

    private string Print(PrintCall print)
    {
        // stap prints a histogram alone for every printing call (println adds no newline) and
        // reports an empty aggregate near the call's name.
        if (print.Histogram is { } histogram)
        {
            return $"{Histogram(histogram)}.Print(ctx.Output, ctx.Session.Limits, {Near(print)})";
        }

        if (print.Name == "print_char" && print.Arguments.Length == 1)
        {
            return $"ScriptPrinter.PrintChar(ctx.Output, {Value(print.Arguments[0])})";
        }

        return $"ScriptPrinter.Printf(ctx.Output, {Layout(print)}, {Arguments(print)})";
    }

    private string Sprint(PrintCall print)
    {
        if (print.Histogram is { } histogram)
        {
            return $"{Histogram(histogram)}.ToScriptString(ctx.Session.Limits, {Near(print)})";
        }

        return $"ScriptPrinter.Sprintf({Layout(print)}, {Arguments(print)}, {MaxString})";
    }

    /// <summary>The HistogramSnapshot of <c>@hist_…(s)</c> or <c>@hist_…(a[k])</c> (all zeros when the element is absent).</summary>
    public string Histogram(HistogramExpression histogram) => histogram.Operand switch
    {
        Variable v when Symbol(v) is { IsArray: false } aggregate => $"{Reference(aggregate)}.ReadHistogram()",
        ArrayIndex index when Symbol(index) is var array =>
            $"HistogramReads.Read({StatsValue(index)}, {module.StatsDescriptors[array]})",
        _ => throw NotTranslated(histogram),
    };

    /// <summary>The StatsValue of an aggregate, or of an array element (null when absent).</summary>
    private string StatsValue(Expression operand) => operand switch
    {
        Variable v => Reference(Symbol(v)),
        ArrayIndex index when Symbol(index) is var array => $"{Reference(array)}.Get({Key(index, array)})",
        _ => throw NotTranslated(operand),
    };

    private string Arguments(PrintCall print) => "[" + string.Join(", ", print.Arguments.Select(Operand)) + "]";

    /// <summary>The static CompiledFormat a print-family call uses.</summary>
    private string Layout(PrintCall print)
    {
        string name = print.Name.StartsWith('s') ? print.Name[1..] : print.Name;
        if (name == "printf")
        {
            string text = RuntimeStringLiteral.Unescape(print.Format!.Text);
            return module.Statics.Format(text) ?? throw new NotTranslatedException("this printf format", print);
        }

        var types = print.Arguments.Select(a => TypeOf(a) == SemanticType.String ? FormatArgumentType.String : FormatArgumentType.Long).ToList();
        return name switch
        {
            "print" => module.Statics.Print(types, newline: false, delimiter: null),
            "println" => module.Statics.Print(types, newline: true, delimiter: null),
            "printd" => module.Statics.Print(types, newline: false, RuntimeStringLiteral.Unescape(print.Format!.Text)),
            "printdln" => module.Statics.Print(types, newline: true, RuntimeStringLiteral.Unescape(print.Format!.Text)),
            _ => throw NotTranslated(print),
        };
    }
}
