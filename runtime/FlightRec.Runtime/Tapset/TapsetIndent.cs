using System.Globalization;
using FlightRec.Runtime.Context;
using FlightRec.Runtime.Values;

namespace FlightRec.Runtime.Tapset;

/// <summary>
/// thread_indent(), thread_indent_depth(), indent(), indent_depth() (LANGUAGE.md §9.5, tapset
/// indent.stp) over the session's <see cref="IndentBookkeeping"/>; timestamps are gettimeofday_us().
/// </summary>
public static class TapsetIndent
{
    /// <summary><c>sprintf("%6d %s:%-*s", elapsed_us, execname() "(" tid() ")", depth, "")</c>.</summary>
    public static string ThreadIndent(ProbeContext context, long delta)
    {
        string description = context.ExecName + "(" + context.Tid.ToString(CultureInfo.InvariantCulture) + ")";
        return Format(context, context.Tid, description, delta);
    }

    public static long ThreadIndentDepth(ProbeContext context, long delta) => context.Indent.Depth(context.Tid, delta);

    public static string Indent(ProbeContext context, long delta) =>
        Format(context, IndentBookkeeping.GlobalKey, "", delta);

    public static long IndentDepth(ProbeContext context, long delta) =>
        context.Indent.Depth(IndentBookkeeping.GlobalKey, delta);

    private static string Format(ProbeContext context, long key, string description, long delta)
    {
        long now = TapsetTime.GettimeofdayUs(context);
        long depth = context.Indent.DepthAndElapsed(key, delta, now, out long elapsed);
        string elapsedText = elapsed.ToString(CultureInfo.InvariantCulture).PadLeft(6);
        int limit = context.Limits.MaxStringLength - 1;
        int padding = (int)Math.Min(depth, limit);
        return ScriptString.Truncate(elapsedText + " " + description + ":" + new string(' ', padding), context.Limits.MaxStringLength);
    }
}
