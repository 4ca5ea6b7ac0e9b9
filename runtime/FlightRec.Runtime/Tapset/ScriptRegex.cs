using System.Text.RegularExpressions;
using FlightRec.Runtime.Context;

namespace FlightRec.Runtime.Tapset;

/// <summary>
/// A compiled <c>=~</c> literal (LANGUAGE.md §9.2): POSIX ERE as stap parses it. Whether a subject
/// matches at all is the same under every disambiguation rule, so <see cref="IsMatch(string)"/>
/// uses .NET's Regex on <see cref="PosixRegexTranslator"/>'s translation. Where the extent of the
/// match and its groups matter (matched(), matched_str(), ngroups()), .NET's leftmost-first rule
/// is not stap's: <see cref="IsMatch(string, ProbeContext)"/> runs <see cref="TaggedRegexMatcher"/>,
/// which follows stap's tagged DFA. Generated code creates one per literal at module load and
/// shares it across threads.
/// </summary>
public sealed class ScriptRegex
{
    private readonly Regex _regex;
    private readonly TaggedRegexMatcher _tagged;

    /// <exception cref="ScriptRegexException">The pattern is not a valid stap regex.</exception>
    public ScriptRegex(string pattern)
    {
        Pattern = pattern;
        (string translated, int captures) = PosixRegexTranslator.Translate(pattern);
        GroupCount = captures + 1;
        try
        {
            _regex = new Regex(translated, RegexOptions.CultureInvariant | RegexOptions.Compiled);
        }
        catch (ArgumentException e)
        {
            throw new ScriptRegexException(e.Message, 0);
        }

        _tagged = new TaggedRegexMatcher(RegexProgram.Compile(pattern));
    }

    /// <summary>The pattern as written in the script.</summary>
    public string Pattern { get; }

    /// <summary>Groups including group 0, as ngroups() reports after a successful match.</summary>
    public int GroupCount { get; }

    /// <summary>
    /// Matches without recording groups; allocation-free. For scripts (or spots) the compiler knows
    /// never read matched()/ngroups().
    /// </summary>
    public bool IsMatch(string subject) => _regex.IsMatch(subject);

    /// <summary>
    /// <c>subject =~ pattern</c>: matches and records the outcome in <paramref name="context"/> for
    /// matched(), matched_str() and ngroups().
    /// </summary>
    public bool IsMatch(string subject, ProbeContext context)
    {
        var state = context.LastMatch;
        if (_tagged.Match(subject) is not { } tags)
        {
            state.RecordFailure(subject);
            return false;
        }

        state.RecordSuccess(subject, GroupCount);
        for (int i = 0; i < GroupCount; i++)
        {
            (int start, int end) = (tags[2 * i], tags[(2 * i) + 1]);
            state.SetGroup(i, start < 0 || end < 0 ? -1 : start, start < 0 || end < 0 ? -1 : end);
        }

        return true;
    }

    public override string ToString() => Pattern;
}
