namespace FlightRec.Runtime.Tapset;

/// <summary>
/// A stap regex literal compiled for <see cref="TaggedRegexMatcher"/>: the same ERE dialect that
/// <see cref="PosixRegexTranslator"/> reads (the literal has been validated by then), compiled
/// as stap's stapregex compiles it before building its tagged DFA: the expression is wrapped
/// as <c>.*?(re)</c> — a lazy pad that prefers starting early — with tags around the whole
/// match and every capturing group; alternatives prefer their left side, closures are greedy,
/// and <c>{n,m}</c> is expanded into copies.
/// </summary>
internal sealed class RegexProgram
{
    private static readonly bool[] AnyButNul = [false, .. Enumerable.Repeat(true, 255)];

    private readonly string _pattern;
    private readonly List<RegexInstruction> _code = [];
    private int _position;
    private int _groups;

    private RegexProgram(string pattern) => _pattern = pattern;

    public IReadOnlyList<RegexInstruction> Code => _code;

    /// <summary>Tags: two per group, group 0 (the whole match) included.</summary>
    public int TagCount => 2 * (_groups + 1);

    public static RegexProgram Compile(string pattern)
    {
        var program = new RegexProgram(pattern);
        var code = program._code;

        // Lazy pad: the split prefers starting the expression here over skipping a byte.
        code.Add(new(RegexOperation.Split, 3, 1));
        code.Add(new(RegexOperation.Byte, Bytes: AnyButNul));
        code.Add(new(RegexOperation.Jump, 0));
        code.Add(new(RegexOperation.Tag, 0));
        program.Expression();
        code.Add(new(RegexOperation.Tag, 1));
        code.Add(new(RegexOperation.Match));
        return program;
    }

    private bool AtEnd => _position >= _pattern.Length;

    private char Peek => AtEnd ? '\0' : _pattern[_position];

    private void Expression()
    {
        int start = _code.Count;
        Term();
        while (!AtEnd && Peek == '|')
        {
            _position++;
            // start: Split(left, right) … left … Jump(end); right: …
            _code.Insert(start, new(RegexOperation.Split, start + 1, 0));
            Relocate(start + 1, 1);
            int jump = _code.Count;
            _code.Add(new(RegexOperation.Jump, 0));
            _code[start] = _code[start] with { Second = _code.Count };
            Term();
            _code[jump] = _code[jump] with { First = _code.Count };
        }
    }

    private void Term()
    {
        while (!AtEnd && Peek != '|' && Peek != ')')
        {
            Factor();
        }
    }

    private void Factor()
    {
        int atomStart = _code.Count;
        Atom();
        while (!AtEnd && Peek is '*' or '+' or '?' or '{')
        {
            char q = _pattern[_position++];
            (int min, int max) = q switch
            {
                '*' => (0, -1),
                '+' => (1, -1),
                '?' => (0, 1),
                _ => Interval(),
            };
            var atom = _code.GetRange(atomStart, _code.Count - atomStart);
            _code.RemoveRange(atomStart, _code.Count - atomStart);
            Repeat(atom, atomStart, min, max);
        }
    }

    private void Atom()
    {
        char c = _pattern[_position++];
        switch (c)
        {
            case '.':
                _code.Add(new(RegexOperation.Byte, Bytes: AnyButNul));
                break;
            case '[':
                _code.Add(new(RegexOperation.Byte, Bytes: Bracket()));
                break;
            case '(':
                Group();
                break;
            case '^':
                _code.Add(new(RegexOperation.Start));
                break;
            case '$':
                _code.Add(new(RegexOperation.End));
                break;
            case '\\':
                _code.Add(Literal(_pattern[_position++]));
                break;
            default:
                _code.Add(Literal(c));
                break;
        }
    }

    private static RegexInstruction Literal(char c)
    {
        var set = new bool[256];
        if (c < 256)
        {
            set[c] = true;
        }

        return new(RegexOperation.Byte, Bytes: set);
    }

    private void Group()
    {
        bool capture = true;
        if (Peek == '?')
        {
            _position += 2; // "?:"
            capture = false;
        }

        int group = capture ? ++_groups : 0;
        if (capture)
        {
            _code.Add(new(RegexOperation.Tag, 2 * group));
        }

        Expression();
        _position++; // ')'
        if (capture)
        {
            _code.Add(new(RegexOperation.Tag, (2 * group) + 1));
        }
    }

    /// <summary>Appends <paramref name="atom"/> (compiled at <paramref name="at"/>) repeated min…max times (max −1: unbounded), greedily.</summary>
    private void Repeat(List<RegexInstruction> atom, int at, int min, int max)
    {
        for (int i = 0; i < min; i++)
        {
            Append(atom, at);
        }

        if (max < 0)
        {
            // loop: Split(body, out); body; Jump(loop)
            int loop = _code.Count;
            _code.Add(new(RegexOperation.Split, loop + 1, 0));
            Append(atom, at);
            _code.Add(new(RegexOperation.Jump, loop));
            _code[loop] = _code[loop] with { Second = _code.Count };
            return;
        }

        // Nested optionals: (a(a(a)?)?)? — each Split jumps to the common end.
        var splits = new List<int>();
        for (int i = min; i < max; i++)
        {
            splits.Add(_code.Count);
            _code.Add(new(RegexOperation.Split, _code.Count + 1, 0));
            Append(atom, at);
        }

        foreach (int split in splits)
        {
            _code[split] = _code[split] with { Second = _code.Count };
        }
    }

    /// <summary>Appends a copy of <paramref name="atom"/>, compiled at <paramref name="from"/>, with its jumps moved.</summary>
    private void Append(List<RegexInstruction> atom, int from)
    {
        int shift = _code.Count - from;
        foreach (var instruction in atom)
        {
            _code.Add(instruction.Operation is RegexOperation.Split or RegexOperation.Jump
                ? instruction with { First = instruction.First + shift, Second = instruction.Second + shift }
                : instruction);
        }
    }

    /// <summary>Moves the jump targets at or after <paramref name="from"/> by <paramref name="shift"/> after an insertion.</summary>
    private void Relocate(int from, int shift)
    {
        for (int i = from; i < _code.Count; i++)
        {
            var instruction = _code[i];
            if (instruction.Operation is RegexOperation.Split or RegexOperation.Jump)
            {
                _code[i] = instruction with
                {
                    First = instruction.First >= from - shift ? instruction.First + shift : instruction.First,
                    Second = instruction.Operation == RegexOperation.Split && instruction.Second >= from - shift
                        ? instruction.Second + shift
                        : instruction.Second,
                };
            }
        }
    }

    private (int Min, int Max) Interval()
    {
        int min = Number();
        if (_pattern[_position++] == '}')
        {
            return (min, min);
        }

        if (Peek == '}')
        {
            _position++;
            return (min, -1);
        }

        int max = Number();
        _position++; // '}'
        return (min, max);
    }

    private int Number()
    {
        int value = 0;
        while (!AtEnd && char.IsAsciiDigit(Peek))
        {
            value = (value * 10) + (_pattern[_position++] - '0');
        }

        return value;
    }

    private bool[] Bracket()
    {
        var set = new bool[256];
        bool invert = Peek == '^';
        if (invert)
        {
            _position++;
        }

        do
        {
            BracketElement(set);
        }
        while (Peek != ']');

        _position++;
        if (invert)
        {
            for (int i = 1; i < set.Length; i++)
            {
                set[i] = !set[i];
            }

            set[0] = false;
        }

        return set;
    }

    private void BracketElement(bool[] set)
    {
        char c = Peek;
        if (c == '\\')
        {
            _position++;
            c = _pattern[_position++];
        }
        else if (c == '[' && _position + 1 < _pattern.Length && _pattern[_position + 1] == ':')
        {
            int close = _pattern.IndexOf(":]", _position + 2, StringComparison.Ordinal);
            string members = PosixRegexTranslator.NamedClasses[_pattern[(_position + 2)..close]];
            for (int i = 0; i < members.Length; i++)
            {
                bool range = i + 2 < members.Length && members[i + 1] == '-';
                Mark(set, members[i], range ? members[i + 2] : members[i]);
                i += range ? 2 : 0;
            }

            _position = close + 2;
            return;
        }
        else
        {
            _position++;
        }

        char high = c;
        if (_position + 1 < _pattern.Length && _pattern[_position] == '-' && _pattern[_position + 1] != ']')
        {
            high = _pattern[_position + 1];
            _position += 2;
        }

        Mark(set, c, high);
    }

    private static void Mark(bool[] set, char low, char high)
    {
        for (int i = low; i <= high && i < set.Length; i++)
        {
            set[i] = true;
        }
    }
}
