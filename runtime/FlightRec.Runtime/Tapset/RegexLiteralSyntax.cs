namespace FlightRec.Runtime.Tapset;

/// <summary>
/// Checks a regex literal of <c>=~</c>/<c>!~</c> the way stap's pass 2 compiles it
/// (stapregex-parse.cxx), so the compiler can refuse it with stap's message and position.
/// It reads the literal as written in the script: escapes such as <c>\x41</c> or <c>\n</c> are
/// undone first, then the result is parsed as a regex, and positions count characters of the
/// literal. Like stap's cursor, a character is fetched one step ahead, and most errors point at
/// the start of the character fetched last, which is why they can sit after the offending one
/// (<c>a[b-d}+</c> is "unclosed character class" at 6). Only the syntax is checked here;
/// <see cref="PosixRegexTranslator"/> builds the matcher.
/// </summary>
public sealed class RegexLiteralSyntax
{
    private const int MaxRepetitions = 12345;
    private const string HexDigits = "0123456789abcdef";
    private const string OctalDigits = "01234567";

    private readonly string _input;
    private int _position;
    private int _lastPosition;
    private bool _finished;
    private char _next;

    private RegexLiteralSyntax(string literal)
    {
        _input = literal;
        _finished = literal.Length == 0;
    }

    /// <exception cref="ScriptRegexException">The literal is not a regex stap would compile.</exception>
    public static void Check(string literal)
    {
        var syntax = new RegexLiteralSyntax(literal);
        try
        {
            syntax.Expression();
            if (!syntax._finished)
            {
                // stap only looks for a stray ')' while input is left; one that ends the literal is dropped.
                throw new ScriptRegexException(syntax.Peek() == ')' ? "unbalanced ')'" : "regex parse failed to finish", syntax._position);
            }
        }
        catch (ScriptRegexException e) when (e.Message.Contains('\0', StringComparison.Ordinal))
        {
            // The end of input reads as NUL, and stap's C-string message stops there: "unexpected '(?".
            throw new ScriptRegexException(e.Message[..e.Message.IndexOf('\0', StringComparison.Ordinal)], e.Position);
        }
    }

    private static bool IsSpecial(char c) => c is '.' or '[' or '{' or '(' or ')' or '\\' or '*' or '+' or '?' or '|' or '^' or '$';

    private static bool IsClosure(char c) => c is '*' or '+' or '?' or '{';

    private ScriptRegexException Error(string message) => new(message, _lastPosition);

    // stap's std::string reads '\0' one past the end; so does this.
    private char At(int index) => index < _input.Length ? _input[index] : '\0';

    private bool Has(int count) => _input.Length < count || _position <= _input.Length - count;

    private char Next()
    {
        if (_next == '\0' && _finished)
        {
            throw new ScriptRegexException("unexpected end of regex", _position);
        }

        if (_next == '\0')
        {
            Fetch();
        }

        char c = _next;
        _next = '\0';
        return c;
    }

    /// <summary>The next character, fetched but not consumed; '\0' at the end.</summary>
    private char Peek()
    {
        if (_next == '\0' && !_finished)
        {
            Fetch();
        }

        return _next;
    }

    /// <summary>Reads one character of the literal, undoing a string escape.</summary>
    private void Fetch()
    {
        _lastPosition = _position;
        char c = _input[_position];
        if (c == '\\')
        {
            _position++;
            if (_position >= _input.Length)
            {
                throw new ScriptRegexException("unexpected end of regex", _position);
            }

            c = Unescape(_input[_position]);
        }

        _next = c;
        _position++;
        _finished = _position >= _input.Length;
    }

    private char Unescape(char c)
    {
        switch (c)
        {
            case 'a': return '\a';
            case 'b': return '\b';
            case 't': return '\t';
            case 'n': return '\n';
            case 'v': return '\v';
            case 'f': return '\f';
            case 'r': return '\r';
            case 'x':
                return Digits("two hex digits required in escape sequence", HexDigits, 4, 2);
            case >= '4' and <= '7':
                throw new ScriptRegexException("octal escape sequence out of range", _position);
            case >= '0' and <= '3':
                return Digits("three octal digits required in escape sequence", OctalDigits, 3, 3);
            default:
                // Any other escaped character stands for itself.
                return c;
        }
    }

    /// <summary>
    /// \xHH (the two characters after the x) or \ooo (the escaped digit and two more). On a bad
    /// digit stap points one past the escape letter when the character there is a good digit,
    /// else two past.
    /// </summary>
    private char Digits(string message, string digits, int bits, int count)
    {
        if (_position >= _input.Length - 2)
        {
            throw new ScriptRegexException(message, _position);
        }

        int first = count == 2 ? _position + 1 : _position;
        int value = 0;
        for (int i = 0; i < count; i++)
        {
            int digit = DigitValue(digits, At(first + i));
            if (digit < 0)
            {
                throw new ScriptRegexException(message, _position + (DigitValue(digits, At(_position + 1)) >= 0 ? 1 : 2));
            }

            value = (value << bits) + digit;
        }

        _position += 2;
        return (char)(value & 0xFF);
    }

    private static int DigitValue(string digits, char c) => digits.IndexOf(char.ToLowerInvariant(c), StringComparison.Ordinal);

    private void Expression()
    {
        Term();
        while (Peek() == '|')
        {
            Next();
            Term();
        }
    }

    private void Term()
    {
        Factor();
        for (char c = Peek(); c != '\0' && c != '|' && c != ')'; c = Peek())
        {
            Factor();
        }
    }

    private void Factor()
    {
        char c = Peek();
        if (c is '\0' or '|' or ')')
        {
            return;
        }

        if (IsClosure(c))
        {
            throw Error($"unexpected '{c}'");
        }

        if (IsSpecial(c) && c != '\\')
        {
            Next();
        }

        bool anchor = false;
        switch (c)
        {
            case '.':
                break;
            case '[':
                CharacterClass();
                Expect(']');
                break;
            case '(':
                Group();
                break;
            case '^' or '$':
                anchor = true;
                break;
            default:
                Literals(c);
                break;
        }

        Closures(anchor);
    }

    private void Group()
    {
        if (Peek() == '?')
        {
            Next();
            char c = Peek();
            if (c != ':')
            {
                throw Error($"unexpected '(?{c}'");
            }
        }

        Expression();
        Expect(')');
    }

    // A run of ordinary or backslash-escaped characters; a closure after it governs only the last.
    private void Literals(char c)
    {
        while (c != '\0' && (!IsSpecial(c) || c == '\\'))
        {
            if (c == '\\')
            {
                Next();
                c = Peek();
            }

            Next();
            char d = Peek();
            if (IsClosure(d))
            {
                break;
            }

            c = d;
        }
    }

    private void Closures(bool anchor)
    {
        for (char c = Peek(); IsClosure(c); c = Peek())
        {
            Next();
            if (anchor)
            {
                throw Error($"postfix closure '{c}' applied to anchoring operator");
            }

            anchor = false;
            if (c == '{')
            {
                Interval();
            }
        }
    }

    private void Interval()
    {
        Number();
        char c = Next();
        if (c == ',')
        {
            c = Peek();
            if (c == '}')
            {
                Next();
            }
            else if (char.IsAsciiDigit(c))
            {
                Number();
                Expect('}');
            }
            else
            {
                throw new ScriptRegexException("expected '}' or number", _position);
            }
        }
        else if (c != '}')
        {
            throw Error("expected ',' or '}'");
        }
    }

    private void Number()
    {
        string digits = "";
        for (char c = Peek(); c != '\0' && char.IsAsciiDigit(c); c = Peek())
        {
            Next();
            digits += c;
        }

        if (digits.Length == 0)
        {
            throw new ScriptRegexException("expected number", _position);
        }

        if (!long.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long value))
        {
            throw new ScriptRegexException($"could not parse number {digits}", _position);
        }

        if (value >= MaxRepetitions)
        {
            throw new ScriptRegexException($"{digits} is too large", _position);
        }
    }

    private void Expect(char expected)
    {
        char c;
        try
        {
            c = Next();
        }
        catch (ScriptRegexException)
        {
            throw Error($"expected {expected}, found end of regex");
        }

        if (c != expected)
        {
            throw Error($"expected {expected}, found {c}");
        }
    }

    private void CharacterClass()
    {
        if (Peek() == '^')
        {
            Next();
        }

        do
        {
            if (_finished)
            {
                throw Error("unclosed character class");
            }

            Range();
        }
        while (Peek() != ']');
    }

    private void Range()
    {
        char c = Peek();
        if (c == '\\')
        {
            Next();
            c = Peek();
            Next();
        }
        else if (c == '[')
        {
            Next();
            if (Peek() == ':')
            {
                NamedClass();
                return;
            }

            // Not "[:": the '[' is an ordinary member; what follows is already fetched.
        }
        else
        {
            Next();
        }

        char low = c;
        if (!Has(2) || Peek() != '-' || At(_position) == ']')
        {
            return;
        }

        Next();
        char high = Peek();
        if (high < low)
        {
            throw new ScriptRegexException($"Inverted character range {low}-{high}", _position);
        }

        Next();
    }

    private void NamedClass()
    {
        Next();
        char c = Peek();
        string name = "";
        while (true)
        {
            if (_finished)
            {
                throw new ScriptRegexException($"unclosed character class '[:{name}'", _position);
            }

            if (Has(2) && c == ':' && At(_position) == ']')
            {
                Next();
                Next();
                if (!PosixRegexTranslator.NamedClasses.ContainsKey(name))
                {
                    // stap knows no position for this one.
                    throw new ScriptRegexException($"unknown character class '{name}'", -1);
                }

                return;
            }

            name += c;
            Next();
            c = Peek();
        }
    }
}
