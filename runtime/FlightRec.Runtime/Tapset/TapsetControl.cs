using FlightRec.Runtime.Context;
using FlightRec.Runtime.Execution;

namespace FlightRec.Runtime.Tapset;

/// <summary>Output and control functions (LANGUAGE.md §9.1, §5.8; stap tapset/logging.stp).</summary>
public static class TapsetControl
{
    /// <summary>log(msg): <c>printf("%s\n", msg)</c> into the handler's output buffer.</summary>
    public static void Log(ProbeContext context, string msg)
    {
        if (context.Output is { } output)
        {
            output.Append(msg);
            output.Append((byte)'\n');
        }
    }

    /// <summary>warn(msg): handed to the session, which formats, deduplicates and prints it.</summary>
    public static void Warn(ProbeContext context, string msg) => context.Session?.Warn(msg);

    /// <summary>error(msg): a catchable runtime error whose message is exactly <paramref name="msg"/>.</summary>
    public static void Error(string msg) => throw new ScriptError(msg);

    /// <summary>exit(): request a normal shutdown; the current handler carries on.</summary>
    public static void Exit(ProbeContext context) => context.Session?.RequestExit();

    /// <summary>abort(): shut down and end the current handler now, past any try/catch.</summary>
    public static void Abort(ProbeContext context)
    {
        context.Session?.Abort();
        throw new AbortException();
    }

    public static void Assert(long expression)
    {
        if (expression == 0)
        {
            throw new ScriptError("Assertion failed");
        }
    }

    public static void Assert(long expression, string msg)
    {
        if (expression == 0)
        {
            throw new ScriptError(msg);
        }
    }
}
