using FlightRec.Compiler.Diagnostics;
using FlightRec.Compiler.Parsing.Generated;
using FlightRec.Compiler.Parsing.Preprocessing;

namespace FlightRec.Compiler.Parsing;

/// <summary>
/// Pass 1's preprocessor, between the lexer and the parser (LANGUAGE.md §2): records
/// <c>@define</c>s, expands macro invocations, and keeps the selected branch of each
/// <c>%( COND %? … %: … %)</c>.
/// <para>
/// It follows stap's lazy model exactly, in one left-to-right pass: tokens are pulled
/// one at a time through a macro layer (<see cref="ScanMacros"/>, stap's scan_pp1) and
/// a conditional layer (<see cref="ScanConditionals"/>, stap's scan_pp). So a
/// definition in a skipped branch is never recorded, a condition sees macros already
/// expanded, and a conditional inside a macro body is evaluated at each expansion.
/// Macro expansion keeps an explicit stack of activations instead of recursing, so
/// deep or runaway expansion cannot overflow the .NET stack.
/// </para>
/// </summary>
internal sealed class Preprocessor(ParseOptions options, DiagnosticBag diagnostics)
{
    /// <summary>
    /// More nested expansions than this can only come from a macro that expands to
    /// itself (stap loops forever there; FR: report it). Real tapsets nest a few deep.
    /// </summary>
    private const int MaxExpansionDepth = 500;

    private readonly ConditionEvaluator _evaluator = new(options);
    private readonly Dictionary<string, MacroDefinition> _macros = new(StringComparer.Ordinal);
    private readonly List<MacroActivation> _activations = [];
    private readonly List<(FrsToken Open, Branch State)> _conditionals = [];
    private readonly bool _privateIsIdentifier = VersionCompare.Compare(options.CompatibleVersion, "3.0") < 0;

    private List<FrsToken> _input = [];
    private int _position;
    private FrsToken? _lastEmitted;

    /// <summary>Where a conditional is: which branch is being read and whether it is kept.</summary>
    private enum Branch
    {
        KeepThen,
        SkipThen,
        KeepElse,
        SkipElse,
    }

    public ParseOptions Options { get; } = options;

    public DiagnosticBag Diagnostics { get; } = diagnostics;

    /// <summary>Whether the file had any token before preprocessing ("is empty" vs "is empty after preprocessing").</summary>
    public bool SawTokens { get; private set; }

    /// <summary>The file-local macros defined so far (all of a library file's macros after <see cref="RunLibrary"/>).</summary>
    public IReadOnlyDictionary<string, MacroDefinition> Macros => _macros;

    /// <summary>
    /// Preprocesses one file's tokens (ending with EOF) into the tokens the parser
    /// sees, ending with the same EOF. On an error, reports it and returns the tokens
    /// produced before it, followed by EOF.
    /// </summary>
    public List<FrsToken> Run(List<FrsToken> tokens)
    {
        Start(tokens);
        var output = new List<FrsToken>(tokens.Count);
        try
        {
            while (ScanConditionals() is { } token)
            {
                if (token.Type == FrsLexer.AT_IDENT)
                {
                    // Neither a macro nor a parameter here (stap's parser says the same
                    // when it meets the leftover @-word).
                    throw Error($"unknown operator {token.Text}", token);
                }

                output.Add(token);
                _lastEmitted = token;
            }
        }
        catch (PreprocessorException e)
        {
            Diagnostics.AddRange(e.Diagnostics);
        }

        output.Add(tokens[^1]);
        return output;
    }

    /// <summary>
    /// Preprocesses a library macro file (<c>.stpm</c>), in which nothing but
    /// <c>@define</c>s may survive preprocessing. Returns false after reporting the
    /// error; on success <see cref="Macros"/> holds the file's macros.
    /// </summary>
    public bool RunLibrary(List<FrsToken> tokens)
    {
        Start(tokens);
        try
        {
            if (ScanConditionals() is { } token)
            {
                throw Error($"unexpected token in library macro file '{token.File.Name}'", token);
            }

            return true;
        }
        catch (PreprocessorException e)
        {
            Diagnostics.AddRange(e.Diagnostics);
            return false;
        }
    }

    private void Start(List<FrsToken> tokens)
    {
        _input = tokens;
        _position = 0;
        _lastEmitted = null;
        _activations.Clear();
        _conditionals.Clear();
        SawTokens = tokens.Count > 1;
    }

    // ------------------------------------------------------------ conditionals

    /// <summary>The next token of a kept branch, or null at the end of the file (stap's scan_pp).</summary>
    private FrsToken? ScanConditionals()
    {
        while (true)
        {
            Branch? state = _conditionals.Count > 0 ? _conditionals[^1].State : null;
            var token = state is Branch.SkipThen or Branch.SkipElse ? SkipBranch() : ScanMacros(false);
            if (token is null)
            {
                if (state is not null)
                {
                    var open = _conditionals[^1].Open;
                    _conditionals.RemoveAt(_conditionals.Count - 1);
                    throw Error("incomplete conditional at end of file", open);
                }

                return null;
            }

            switch (token.Type)
            {
                case FrsLexer.PP_THEN:
                    throw Error("incomplete conditional - missing '%('", token);
                case FrsLexer.PP_ELSE:
                    if (state is null)
                    {
                        throw Error("incomplete conditional - missing '%('", token);
                    }

                    if (state is Branch.KeepElse or Branch.SkipElse)
                    {
                        throw Error("invalid conditional - duplicate '%:'", token);
                    }

                    _conditionals[^1] = (_conditionals[^1].Open,
                        state == Branch.KeepThen ? Branch.SkipElse : Branch.KeepElse);
                    continue;
                case FrsLexer.PP_CLOSE:
                    if (state is null)
                    {
                        throw Error("incomplete conditional - missing '%('", token);
                    }

                    _conditionals.RemoveAt(_conditionals.Count - 1);
                    continue;
                case FrsLexer.PP_OPEN:
                    bool result = EvaluateCondition(token);
                    _conditionals.Add((token, result ? Branch.KeepThen : Branch.SkipThen));
                    continue;
                default:
                    return token;
            }
        }
    }

    /// <summary>
    /// Reads <c>TEST { &amp;&amp; TEST } { || … } %?</c> after <paramref name="open"/>. Every test
    /// is evaluated (errors in any of them count), and &amp;&amp; binds tighter than ||.
    /// </summary>
    private bool EvaluateCondition(FrsToken open)
    {
        bool result = false;
        bool conjunction = true;
        FrsToken? next;
        while (true)
        {
            var left = ScanMacros(false);
            var op = ScanMacros(false);
            var right = ScanMacros(false);
            if (left is null || op is null || right is null)
            {
                throw Error("incomplete condition after '%('", open);
            }

            conjunction &= _evaluator.Evaluate(left, op, right);
            next = ScanMacros(false);
            if (next?.Type == FrsLexer.ANDAND)
            {
                continue;
            }

            result |= conjunction;
            conjunction = true;
            if (next?.Type != FrsLexer.OROR)
            {
                break;
            }
        }

        if (next?.Type != FrsLexer.PP_THEN)
        {
            throw Error("expected '%?' marker for conditional", open);
        }

        return result;
    }

    /// <summary>
    /// Skips an unselected branch up to its <c>%:</c>, <c>%?</c> or <c>%)</c>, which it returns
    /// (null at end of file). Only <c>%( %)</c> nesting is tracked; @defines are not
    /// recorded, and errors (a bad macro invocation, say) are ignored, as in stap.
    /// </summary>
    private FrsToken? SkipBranch()
    {
        int nesting = 0;
        while (true)
        {
            FrsToken? token;
            try
            {
                token = ScanMacros(true);
            }
            catch (PreprocessorException)
            {
                continue;
            }

            if (token is null)
            {
                return null;
            }

            switch (token.Type)
            {
                case FrsLexer.PP_OPEN:
                    nesting++;
                    break;
                case FrsLexer.PP_CLOSE when nesting > 0:
                    nesting--;
                    break;
                case FrsLexer.PP_ELSE or FrsLexer.PP_THEN or FrsLexer.PP_CLOSE when nesting == 0:
                    return token;
            }
        }
    }

    // ------------------------------------------------------------------ macros

    /// <summary>
    /// The next token after macro processing, or null at end of file (stap's scan_pp1).
    /// With <paramref name="ignoreDefinitions"/> (in a skipped branch), <c>@define</c> is
    /// passed on as an ordinary token instead of defining anything.
    /// </summary>
    private FrsToken? ScanMacros(bool ignoreDefinitions)
    {
        while (true)
        {
            var token = NextRaw();
            if (token is null)
            {
                if (_activations.Count == 0)
                {
                    return null;
                }

                _activations.RemoveAt(_activations.Count - 1);
                continue;
            }

            if (token.Type == FrsLexer.AT_DEFINE && !ignoreDefinitions)
            {
                Define(token);
                continue;
            }

            if (!TokenNames.IsAtWord(token.Type))
            {
                return token;
            }

            var current = _activations.Count > 0 ? _activations[^1] : null;
            if (Lookup(token.Text.AsSpan(1), current) is not { } macro)
            {
                // A built-in operator or an unknown @-word: left for the caller.
                return token;
            }

            Invoke(token, macro, current);
        }
    }

    /// <summary>
    /// What <c>@name</c> means here: a parameter of the current expansion, else a macro of
    /// this file (not from inside a library macro), else a library macro.
    /// </summary>
    private MacroDefinition? Lookup(ReadOnlySpan<char> name, MacroActivation? current)
    {
        if (current is not null && current.Parameters.Count > 0)
        {
            foreach (var (parameter, argument) in current.Parameters)
            {
                if (name.SequenceEqual(parameter))
                {
                    return argument;
                }
            }
        }

        if (!(current?.Macro.IsLibrary ?? false) && _macros.Count > 0
            && _macros.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out var local))
        {
            return local;
        }

        return Options.Library.TryGet(name, out var library) ? library : null;
    }

    /// <summary>Starts expanding <paramref name="macro"/>, reading its arguments if it takes any.</summary>
    private void Invoke(FrsToken site, MacroDefinition macro, MacroActivation? current)
    {
        if (_activations.Count >= MaxExpansionDepth)
        {
            throw RecursionError();
        }

        int count = macro.Parameters.Length;
        if (count == 0)
        {
            // An argument is expanded with the parameters of the invocation that supplied it.
            _activations.Add(new MacroActivation(site, macro, macro.Scope ?? MacroDefinition.NoParameters));
            return;
        }

        string name = site.Text[1..];
        var open = NextRaw();
        if (open?.Type != FrsLexer.LPAREN)
        {
            string noun = count == 1 ? "parameter" : "parameters";
            throw Error($"expected '(' in invocation of macro '@{name}' taking {count} {noun}", open);
        }

        var scope = current?.Parameters ?? MacroDefinition.NoParameters;
        var arguments = new Dictionary<string, MacroDefinition>(count, StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            var body = new List<FrsToken>();
            var end = ReadArgument(body);
            if (end is null)
            {
                throw Error("could not find end of macro invocation", site);
            }

            if (end.Type == FrsLexer.COMMA && i + 1 == count)
            {
                throw Error($"too many parameters for macro '@{name}' (expected {count})", end);
            }

            if (end.Type == FrsLexer.RPAREN && i + 1 != count)
            {
                throw Error($"too few parameters for macro '@{name}' (expected {count})", end);
            }

            arguments[macro.Parameters[i]] = new MacroDefinition(macro.Parameters[i], site, [], body) { Scope = scope };
        }

        _activations.Add(new MacroActivation(site, macro, arguments));
    }

    /// <summary>
    /// Reads one argument of an invocation, up to a top-level <c>,</c> or <c>)</c>, which
    /// it returns (null if the file or the enclosing macro body ends first). Round and
    /// square brackets nest; arguments are not expanded here but where they are used.
    /// </summary>
    private FrsToken? ReadArgument(List<FrsToken> body)
    {
        int nesting = 0;
        while (NextRaw() is { } token)
        {
            switch (token.Type)
            {
                case FrsLexer.LPAREN or FrsLexer.LBRACKET:
                    nesting++;
                    break;
                case FrsLexer.RPAREN or FrsLexer.RBRACKET when nesting > 0:
                    nesting--;
                    break;
                case FrsLexer.RPAREN or FrsLexer.COMMA when nesting == 0:
                    return token;
            }

            body.Add(token);
        }

        return null;
    }

    /// <summary>Reads <c>NAME [(P, …)] %( BODY %)</c> after <paramref name="define"/> and records it.</summary>
    private void Define(FrsToken define)
    {
        if (_activations.Count > 0)
        {
            throw Error("'@define' forbidden inside macro body", define);
        }

        var nameToken = NextRaw();
        if (nameToken is null || !IsIdentifier(nameToken))
        {
            throw Error("expected identifier", nameToken);
        }

        string name = nameToken.Text;
        if (_macros.TryGetValue(name, out var previous))
        {
            throw new PreprocessorException(
            [
                PreprocessorDiagnostics.Error($"attempt to redefine macro '@{name}' in the same file", nameToken),
                PreprocessorDiagnostics.Error($"macro '@{name}' first defined here", previous.NameToken),
            ]);
        }

        if (name == "define")
        {
            throw Error("attempt to redefine '@define'", nameToken);
        }

        if (IsBuiltinOperator(name))
        {
            Diagnostics.Add(PreprocessorDiagnostics.Warning($"macro redefines built-in operator '@{name}'", nameToken));
        }

        var parameters = new List<string>();
        var body = new List<FrsToken>();

        bool sawParameters = false;
        var token = NextRaw();
        if (token?.Type == FrsLexer.LPAREN)
        {
            sawParameters = true;
            while (true)
            {
                token = NextRaw();
                if (token is null || !IsIdentifier(token))
                {
                    throw Error("expected identifier", token);
                }

                parameters.Add(token.Text);
                token = NextRaw();
                if (token?.Type == FrsLexer.COMMA)
                {
                    continue;
                }

                if (token?.Type == FrsLexer.RPAREN)
                {
                    token = NextRaw();
                    break;
                }

                throw Error("expected ',' or ')'", token);
            }
        }

        if (token?.Type != FrsLexer.PP_OPEN)
        {
            throw Error(sawParameters ? "expected '%('" : "expected '%(' or '('", token);
        }

        if (!ReadBody(body))
        {
            throw Error("incomplete macro definition - missing '%)'", nameToken);
        }

        _macros[name] = new MacroDefinition(name, nameToken, [.. parameters], body);
    }

    /// <summary>Reads a macro body up to the <c>%)</c> that balances its <c>%(</c>; false at end of file.</summary>
    private bool ReadBody(List<FrsToken> body)
    {
        int nesting = 0;
        while (NextRaw() is { } token)
        {
            if (token.Type == FrsLexer.PP_OPEN)
            {
                nesting++;
            }
            else if (token.Type == FrsLexer.PP_CLOSE)
            {
                if (nesting == 0)
                {
                    return true;
                }

                nesting--;
            }

            body.Add(token);
        }

        return false;
    }

    /// <summary>
    /// The next token of the innermost source, without any processing: the file, or the
    /// body of the macro being expanded (copied, and marked as coming from the
    /// invocation). Null at the end of the file or of that body.
    /// </summary>
    private FrsToken? NextRaw()
    {
        if (_activations.Count == 0)
        {
            var token = _input[_position];
            if (token.Type == FrsLexer.Eof)
            {
                return null;
            }

            _position++;
            if (token.Type == FrsLexer.PRIVATE && _privateIsIdentifier)
            {
                // Before 3.0, "private" was not a keyword.
                token = token.With(FrsLexer.IDENT, token.Text);
            }

            return token;
        }

        var activation = _activations[^1];
        var body = activation.Macro.Body;
        int cursor = activation.Cursor;
        if (cursor >= body.Count)
        {
            return null;
        }

        activation.Cursor = cursor + 1;
        var original = body[cursor];
        return original.ExpandedAt(activation.Site, cursor == 0 ? activation.Site.SpaceBefore : original.SpaceBefore);
    }

    private static bool IsIdentifier(FrsToken token) =>
        token.JunkMessage is null && token.Type is FrsLexer.IDENT or FrsLexer.TARGETVAR;

    /// <summary>Whether @name is a built-in operator at the compatible version (stap's atwords).</summary>
    private bool IsBuiltinOperator(string name) => name switch
    {
        "cast" or "defined" or "probewrite" or "entry" or "perf" or "var" or "avg" or "count" or "sum" or "min"
            or "max" or "hist_linear" or "hist_log" => true,
        "const" or "variance" => AtLeast("3.1"),
        "kregister" or "uregister" or "kderef" or "uderef" => AtLeast("4.0"),
        "enum" => AtLeast("5.5"),
        "enumname" => AtLeast("5.6"),
        _ => false,
    };

    private bool AtLeast(string version) => VersionCompare.Compare(Options.CompatibleVersion, version) >= 0;

    /// <summary>
    /// Reports runaway expansion at the outermost invocation of the first macro that
    /// is active twice on the stack, so the message has a short expansion chain.
    /// </summary>
    private PreprocessorException RecursionError()
    {
        var seen = new Dictionary<MacroDefinition, MacroActivation>();
        MacroActivation? culprit = null;
        foreach (var activation in _activations)
        {
            if (activation.Macro.Scope is not null)
            {
                continue; // an argument, not a macro
            }

            if (seen.TryGetValue(activation.Macro, out var first))
            {
                culprit = first;
                break;
            }

            seen[activation.Macro] = activation;
        }

        var site = (culprit ?? _activations[0]).Site;
        return Error($"recursive macro expansion of '{site.Text}'", site);
    }

    /// <summary>
    /// An error at <paramref name="token"/>; at end of input (null) it is reported, as stap
    /// does, at the last token the parser received ("saw:"), or at "F EOF" if none.
    /// </summary>
    private PreprocessorException Error(string message, FrsToken? token)
    {
        if (token is not null)
        {
            return new PreprocessorException(PreprocessorDiagnostics.Error(message, token));
        }

        return new PreprocessorException(_lastEmitted is { } last
            ? PreprocessorDiagnostics.Error(message, last, namesToken: false)
            : PreprocessorDiagnostics.AtEnd(message, _input[^1].File));
    }
}
