using System.Text;

namespace FlightRec.Runtime.Tapset;

/// <summary>
/// Translates the ERE dialect of stap's regex compiler (stapregex-parse.cxx) into an equivalent
/// .NET pattern over byte-per-char strings:
/// <list type="bullet">
/// <item><c>\c</c> is the literal c everywhere (no <c>\d</c>, no back-references); literals are
/// emitted as <c>\xHH</c> so no .NET metacharacter leaks through.</item>
/// <item>Bracket expressions follow stap: a leading <c>]</c> is literal, <c>\</c> escapes inside
/// them, <c>[:alpha:]</c> etc. are the ASCII C-locale classes (plus stap's <c>[:d:] [:l:] [:s:]
/// [:u:]</c>); they become explicit <c>\xHH</c> ranges, never .NET's Unicode <c>\w</c>/<c>\s</c>.</item>
/// <item><c>.</c> is any byte but NUL (it matches newline); <c>^</c>/<c>$</c> anchor at the very
/// start/end of the subject (<c>$</c> becomes <c>\z</c>, not .NET's "before a final newline").</item>
/// <item><c>(…)</c> captures, <c>(?:…)</c> does not; stacked quantifiers (<c>a**</c>) are
/// wrapped in non-capturing groups because .NET rejects them.</item>
/// </list>
/// .NET picks the leftmost-first match, stap's tagged DFA does not (see <see cref="TaggedRegexMatcher"/>),
/// so the translation only answers whether a subject matches at all, which is the same under both.
/// </summary>
internal sealed class PosixRegexTranslator
{
    private const int MaxRepetitions = 12345;

    internal static readonly Dictionary<string, string> NamedClasses = new(StringComparer.Ordinal)
    {
        ["alpha"] = "A-Za-z",
        ["alnum"] = "A-Za-z0-9",
        ["blank"] = " \t",
        ["cntrl"] = "\x01-\x1F\x7F",
        ["d"] = "0-9",
        ["digit"] = "0-9",
        ["xdigit"] = "0-9a-fA-F",
        ["graph"] = "\x21-\x7E",
        ["l"] = "a-z",
        ["lower"] = "a-z",
        ["print"] = "\x20-\x7E",
        ["punct"] = "!\"#$%&'()*+,./:;<=>?@[\\]^_`{|}~-",
        ["s"] = " \t\r\n\v\f",
        ["space"] = " \t\r\n\v\f",
        ["u"] = "A-Z",
        ["upper"] = "A-Z",
    };

    private readonly string _pattern;
    private readonly StringBuilder _output = new();
    private int _position;

    private PosixRegexTranslator(string pattern) => _pattern = pattern;

    /// <summary>Capturing groups, not counting group 0.</summary>
    public int CaptureCount { get; private set; }

    public static (string DotNetPattern, int CaptureCount) Translate(string pattern)
    {
        var translator = new PosixRegexTranslator(pattern);
        translator.ParseExpression();
        if (!translator.AtEnd)
        {
            throw new ScriptRegexException("unbalanced ')'", translator._position);
        }

        return (translator._output.ToString(), translator.CaptureCount);
    }

    private bool AtEnd => _position >= _pattern.Length;

    private char Peek => AtEnd ? '\0' : _pattern[_position];

    private void ParseExpression()
    {
        ParseTerm();
        while (!AtEnd && Peek == '|')
        {
            _position++;
            _output.Append('|');
            ParseTerm();
        }
    }

    private void ParseTerm()
    {
        while (!AtEnd && Peek != '|' && Peek != ')')
        {
            ParseFactor();
        }
    }

    private void ParseFactor()
    {
        char c = Peek;
        if (c is '*' or '+' or '?' or '{')
        {
            throw new ScriptRegexException($"unexpected '{c}'", _position);
        }

        int atomStart = _output.Length;
        bool anchor = false;
        _position++;
        switch (c)
        {
            case '.':
                _output.Append(@"[^\x00]");
                break;
            case '[':
                ParseBracket();
                break;
            case '(':
                ParseGroup();
                break;
            case '^':
                _output.Append('^');
                anchor = true;
                break;
            case '$':
                _output.Append(@"\z");
                anchor = true;
                break;
            case '\\':
                if (AtEnd)
                {
                    throw new ScriptRegexException("trailing '\\'", _position);
                }

                AppendLiteral(_pattern[_position++]);
                break;
            default:
                AppendLiteral(c);
                break;
        }

        bool quantified = false;
        while (!AtEnd && Peek is '*' or '+' or '?' or '{')
        {
            char q = Peek;
            if (anchor)
            {
                throw new ScriptRegexException($"postfix closure '{q}' applied to anchoring operator", _position);
            }

            _position++;
            if (quantified)
            {
                _output.Insert(atomStart, "(?:").Append(')');
            }

            if (q == '{')
            {
                AppendInterval();
            }
            else
            {
                _output.Append(q);
            }

            quantified = true;
        }
    }

    private void ParseGroup()
    {
        bool capture = true;
        if (Peek == '?')
        {
            _position++;
            if (Peek != ':')
            {
                throw new ScriptRegexException($"unexpected '(?{Peek}'", _position);
            }

            _position++;
            capture = false;
        }

        if (capture)
        {
            CaptureCount++;
        }

        _output.Append(capture ? "(" : "(?:");
        ParseExpression();
        if (AtEnd)
        {
            throw new ScriptRegexException("expected ), found end of regex", _position);
        }

        _position++;
        _output.Append(')');
    }

    private void AppendInterval()
    {
        int min = ParseNumber();
        int max;
        char c = Next("expected ',' or '}'");
        if (c == ',')
        {
            if (Peek == '}')
            {
                _position++;
                max = -1;
            }
            else if (char.IsAsciiDigit(Peek))
            {
                max = ParseNumber();
                if (Next("expected }") != '}')
                {
                    throw new ScriptRegexException("expected }", _position - 1);
                }
            }
            else
            {
                throw new ScriptRegexException("expected '}' or number", _position);
            }
        }
        else if (c == '}')
        {
            max = min;
        }
        else
        {
            throw new ScriptRegexException("expected ',' or '}'", _position - 1);
        }

        if (max >= 0 && max < min)
        {
            throw new ScriptRegexException($"invalid interval {{{min},{max}}}", _position - 1);
        }

        _output.Append('{').Append(min);
        if (max != min)
        {
            _output.Append(',');
            if (max >= 0)
            {
                _output.Append(max);
            }
        }

        _output.Append('}');
    }

    private char Next(string messageAtEnd)
    {
        if (AtEnd)
        {
            throw new ScriptRegexException(messageAtEnd, _position);
        }

        return _pattern[_position++];
    }

    private int ParseNumber()
    {
        int start = _position;
        while (!AtEnd && char.IsAsciiDigit(Peek))
        {
            _position++;
        }

        if (start == _position)
        {
            throw new ScriptRegexException("expected number", _position);
        }

        string digits = _pattern[start.._position];
        if (digits.Length > 5 || int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture) >= MaxRepetitions)
        {
            throw new ScriptRegexException($"{digits} is too large", _position);
        }

        return int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
    }

    private void ParseBracket()
    {
        var set = new bool[256];
        bool invert = false;
        if (Peek == '^')
        {
            invert = true;
            _position++;
        }

        do
        {
            if (AtEnd)
            {
                throw new ScriptRegexException("unclosed character class", _position);
            }

            AddRange(set);
        }
        while (Peek != ']' || AtEnd);

        _position++;
        if (invert)
        {
            for (int i = 1; i < set.Length; i++)
            {
                set[i] = !set[i];
            }

            set[0] = false;
        }

        AppendSet(set);
    }

    /// <summary>One element of a bracket expression: an escaped or plain byte, a range, or [:class:].</summary>
    private void AddRange(bool[] set)
    {
        char c = Peek;
        if (c == '\\')
        {
            _position++;
            c = Peek;
            _position++;
        }
        else if (c == '[' && _position + 1 < _pattern.Length && _pattern[_position + 1] == ':')
        {
            int nameStart = _position + 2;
            int close = _pattern.IndexOf(":]", nameStart, StringComparison.Ordinal);
            if (close < 0)
            {
                throw new ScriptRegexException($"unclosed character class '[:{_pattern[nameStart..]}'", _pattern.Length);
            }

            string name = _pattern[nameStart..close];
            if (!NamedClasses.TryGetValue(name, out string? members))
            {
                throw new ScriptRegexException($"unknown character class '{name}'", nameStart);
            }

            AddMembers(set, members);
            _position = close + 2;
            return;
        }
        else
        {
            _position++;
        }

        char low = c;
        char high = c;
        if (_position + 1 < _pattern.Length && _pattern[_position] == '-' && _pattern[_position + 1] != ']')
        {
            high = _pattern[_position + 1];
            if (high < low)
            {
                throw new ScriptRegexException($"Inverted character range {low}-{high}", _position + 1);
            }

            _position += 2;
        }

        for (int i = low; i <= high && i < set.Length; i++)
        {
            set[i] = true;
        }
    }

    private static void AddMembers(bool[] set, string members)
    {
        for (int i = 0; i < members.Length; i++)
        {
            if (i + 2 < members.Length && members[i + 1] == '-')
            {
                for (int b = members[i]; b <= members[i + 2]; b++)
                {
                    set[b] = true;
                }

                i += 2;
            }
            else
            {
                set[members[i]] = true;
            }
        }
    }

    private void AppendSet(bool[] set)
    {
        int start = _output.Length;
        _output.Append('[');
        bool any = false;
        for (int i = 0; i < set.Length; i++)
        {
            if (!set[i])
            {
                continue;
            }

            int j = i;
            while (j + 1 < set.Length && set[j + 1])
            {
                j++;
            }

            _output.Append(Hex(i));
            if (j > i)
            {
                _output.Append('-').Append(Hex(j));
            }

            any = true;
            i = j;
        }

        if (!any)
        {
            // An empty set matches nothing.
            _output.Length = start;
            _output.Append("(?!)");
            return;
        }

        _output.Append(']');
    }

    private void AppendLiteral(char c)
    {
        if (char.IsAsciiLetterOrDigit(c))
        {
            _output.Append(c);
        }
        else
        {
            _output.Append(Hex(c));
        }
    }

    private static string Hex(int c) => c <= 0xFF ? $"\\x{c:X2}" : $"\\u{c:X4}";
}
