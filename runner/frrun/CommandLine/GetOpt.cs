namespace FlightRec.Runner.CommandLine;

/// <summary>
/// glibc's getopt_long, as staprun sees its command line: short options cluster (<c>-vw</c>)
/// and take their argument attached or as the next word (<c>-b8</c>, <c>-b 8</c>); long
/// options may be abbreviated to a unique prefix and take <c>--name=value</c> or the next
/// word; operands are moved after the options (permutation), <c>--</c> ends the options and
/// a lone <c>-</c> is an operand. Errors carry glibc's exact wording.
/// </summary>
internal sealed class GetOpt
{
    private readonly string _program;
    private readonly string _shortOptions;
    private readonly IReadOnlyList<LongOption> _longOptions;

    /// <param name="shortOptions">getopt's option string: letters, each followed by ':' when it takes an argument.</param>
    public GetOpt(string program, string shortOptions, IReadOnlyList<LongOption> longOptions)
    {
        _program = program;
        _shortOptions = shortOptions;
        _longOptions = longOptions;
    }

    /// <summary>
    /// The options of <paramref name="args"/> in order; the operands are added to
    /// <paramref name="operands"/> as the scan passes them. Enumeration ends after an error.
    /// </summary>
    public IEnumerable<GetOptItem> Scan(IReadOnlyList<string> args, List<string> operands)
    {
        for (int i = 0; i < args.Count; i++)
        {
            string word = args[i];
            if (word == "--")
            {
                operands.AddRange(args.Skip(i + 1));
                yield break;
            }

            if (word.Length < 2 || word[0] != '-')
            {
                operands.Add(word);
                continue;
            }

            if (word.StartsWith("--", StringComparison.Ordinal))
            {
                var item = LongItem(args, ref i);
                yield return item;
                if (item.IsError)
                {
                    yield break;
                }

                continue;
            }

            for (int j = 1; j < word.Length; j++)
            {
                char letter = word[j];
                int at = letter == ':' ? -1 : _shortOptions.IndexOf(letter);
                if (at < 0)
                {
                    yield return GetOptItem.Failure($"{_program}: invalid option -- '{letter}'");
                    yield break;
                }

                if (at + 1 >= _shortOptions.Length || _shortOptions[at + 1] != ':')
                {
                    yield return GetOptItem.Option(letter.ToString(), null);
                    continue;
                }

                if (j + 1 < word.Length)
                {
                    yield return GetOptItem.Option(letter.ToString(), word[(j + 1)..]);
                }
                else if (i + 1 < args.Count)
                {
                    yield return GetOptItem.Option(letter.ToString(), args[++i]);
                }
                else
                {
                    yield return GetOptItem.Failure($"{_program}: option requires an argument -- '{letter}'");
                    yield break;
                }

                break;
            }
        }
    }

    private GetOptItem LongItem(IReadOnlyList<string> args, ref int i)
    {
        string text = args[i][2..];
        int equals = text.IndexOf('=');
        string name = equals < 0 ? text : text[..equals];
        string? attached = equals < 0 ? null : text[(equals + 1)..];

        var exact = _longOptions.FirstOrDefault(o => o.Name == name);
        var candidates = exact is not null ? [exact] : _longOptions.Where(o => o.Name.StartsWith(name, StringComparison.Ordinal)).ToList();
        if (candidates.Count == 0)
        {
            return GetOptItem.Failure($"{_program}: unrecognized option '--{text}'");
        }

        if (candidates.Count > 1)
        {
            string possibilities = string.Concat(candidates.Select(o => $" '--{o.Name}'"));
            return GetOptItem.Failure($"{_program}: option '--{name}' is ambiguous; possibilities:{possibilities}");
        }

        var option = candidates[0];
        if (!option.TakesArgument)
        {
            return attached is null
                ? GetOptItem.Option(option.Key, null)
                : GetOptItem.Failure($"{_program}: option '--{option.Name}' doesn't allow an argument");
        }

        if (attached is not null)
        {
            return GetOptItem.Option(option.Key, attached);
        }

        return i + 1 < args.Count
            ? GetOptItem.Option(option.Key, args[++i])
            : GetOptItem.Failure($"{_program}: option '--{option.Name}' requires an argument");
    }
}
