using FlightRec.Runtime.Context;
using FlightRec.Runtime.Execution;
using FlightRec.Runtime.Values;

namespace FlightRec.Runtime.Tapset;

/// <summary>
/// The string tapset (LANGUAGE.md §9.2, stap tapset/string.stp and tokenize.stp). Script strings
/// are byte strings held one byte per char, so every index here is a byte index.
/// </summary>
public static class TapsetStrings
{
    public static long Strlen(string s) => s.Length;

    /// <summary>
    /// Bytes [start, start+length) clipped to the string; "" when start is outside the string or
    /// length ≤ 0. stap clamps <c>length + 1</c> (with C wrap-around) to [0, MAXSTRINGLEN].
    /// </summary>
    public static string Substr(string str, long start, long length, int maxStringLength)
    {
        long copy = Math.Clamp(unchecked(length + 1), 0, maxStringLength) - 1;
        if (start < 0 || start >= str.Length || copy <= 0)
        {
            return "";
        }

        int begin = (int)start;
        int count = (int)Math.Min(copy, str.Length - begin);
        return begin == 0 && count == str.Length ? str : str.Substring(begin, count);
    }

    /// <summary>The byte at <paramref name="pos"/> as a signed C char (x86-64 semantics everywhere).</summary>
    public static long Stringat(string str, long pos)
    {
        if (pos < 0 || pos >= str.Length)
        {
            throw new ScriptError("Position out of bounds");
        }

        return (sbyte)(byte)str[(int)pos];
    }

    public static long Isinstr(string s1, string s2) => s1.Contains(s2, StringComparison.Ordinal) ? 1 : 0;

    public static long Strpos(string s1, string s2) => s1.IndexOf(s2, StringComparison.Ordinal);

    /// <summary>Replaces every non-overlapping occurrence left to right; empty search → input unchanged.</summary>
    public static string StrReplace(string prntStr, string srchStr, string rplcStr, int maxStringLength)
    {
        if (srchStr.Length == 0 || !prntStr.Contains(srchStr, StringComparison.Ordinal))
        {
            return prntStr;
        }

        return ScriptString.Truncate(prntStr.Replace(srchStr, rplcStr, StringComparison.Ordinal), maxStringLength);
    }

    /// <summary>1 if the first byte is an ASCII digit.</summary>
    public static long Isdigit(string str) => str.Length > 0 && char.IsAsciiDigit(str[0]) ? 1 : 0;

    /// <summary>
    /// tokenize(input, delim): a non-empty <paramref name="input"/> starts a new scan of a copy of
    /// it; then returns the next non-empty token separated by any byte of <paramref name="delim"/>
    /// (strsep repeated while it yields empty tokens), or "" when the scan is exhausted.
    /// </summary>
    public static string Tokenize(ProbeContext context, string input, string delim)
    {
        var state = context.Tokenizer;
        if (input.Length > 0)
        {
            state.Start(ScriptString.Truncate(input, context.Limits.MaxStringLength));
        }

        string text = state.Text;
        while (state.Position >= 0)
        {
            int start = state.Position;
            int end = delim.Length == 0 ? -1 : text.AsSpan(start).IndexOfAny(delim);
            if (end < 0)
            {
                state.Position = -1;
                end = text.Length;
            }
            else
            {
                end += start;
                state.Position = end + 1;
            }

            if (end > start)
            {
                return start == 0 && end == text.Length ? text : text[start..end];
            }
        }

        return "";
    }

    /// <summary>tokenize(delim): continues the current scan.</summary>
    public static string Tokenize(ProbeContext context, string delim) => Tokenize(context, "", delim);
}
