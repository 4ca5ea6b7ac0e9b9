using System.Globalization;
using FlightRec.Runtime.Context;
using FlightRec.Runtime.Execution;

namespace FlightRec.Runtime.Tapset;

/// <summary>matched(), matched_str(), ngroups() over the handler's last <c>=~</c> (stap tapset regex.stp).</summary>
public static class TapsetRegex
{
    /// <summary>
    /// Subexpression <paramref name="n"/> of the last successful match; "" for a group that did not
    /// take part. As in stap, a group number beyond the last successful match's groups reports
    /// "nonexistent" even after a failed match (that message overwrites the "failed match" one).
    /// </summary>
    public static string Matched(ProbeContext context, long n)
    {
        var state = context.LastMatch;
        if (n < 0 || n >= state.GroupCount)
        {
            throw new ScriptError("Attempted to get nonexistent subexpression " + n.ToString(CultureInfo.InvariantCulture));
        }

        if (!state.Succeeded)
        {
            throw new ScriptError("Attempted to get subexpression " + n.ToString(CultureInfo.InvariantCulture) + " from failed match");
        }

        var (start, end) = state.GetGroup((int)n);
        if (start < 0 || end < 0)
        {
            return "";
        }

        return start == 0 && end == state.Subject.Length ? state.Subject : state.Subject[start..end];
    }

    public static string MatchedStr(ProbeContext context) => Matched(context, 0);

    public static long Ngroups(ProbeContext context)
    {
        var state = context.LastMatch;
        if (!state.Succeeded)
        {
            throw new ScriptError("Attempted to get subexpression count from failed match");
        }

        return state.GroupCount;
    }
}
