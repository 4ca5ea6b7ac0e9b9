using System.Text.RegularExpressions;
using FlightRec.Runtime.Context;

namespace FlightRec.Runtime.Tapset;

/// <summary>
/// A compiled <c>=~</c> literal (LANGUAGE.md §9.2): POSIX ERE as stap parses it, translated once by
/// <see cref="PosixRegexTranslator"/> (see there for the leftmost-longest gap) and searched
/// unanchored. Generated code creates one per literal at module load and shares it across threads.
/// </summary>
public sealed class ScriptRegex
{
    private readonly Regex _regex;

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
        var match = _regex.Match(subject);
        if (!match.Success)
        {
            state.RecordFailure(subject);
            return false;
        }

        state.RecordSuccess(subject, GroupCount);
        var groups = match.Groups;
        for (int i = 0; i < GroupCount; i++)
        {
            var group = groups[i];
            if (group.Success)
            {
                state.SetGroup(i, group.Index, group.Index + group.Length);
            }
            else
            {
                state.SetGroup(i, -1, -1);
            }
        }

        return true;
    }

    public override string ToString() => Pattern;
}
