using System.Text;
using FlightRec.Runtime.Context;
using FlightRec.Runtime.Values;

namespace FlightRec.Runtime.Tapset;

/// <summary>
/// Context accessors (LANGUAGE.md §9.5): thin reads of <see cref="ProbeContext"/>, plus the
/// /proc-backed cmdline_args()/env_var().
/// </summary>
public static class TapsetContext
{
    public static long Pid(ProbeContext context) => context.Pid;

    public static long Tid(ProbeContext context) => context.Tid;

    public static long Ppid(ProbeContext context) => context.EventTask is { } task ? task.Of(context.Pid).Ppid : context.Ppid;

    public static long Uid(ProbeContext context) => !context.EventIdsCaptured && context.EventTask is { } task ? task.Of(context.Pid).Uid : context.Uid;

    public static long Euid(ProbeContext context) => context.EventTask is { } task ? task.Of(context.Pid).Euid : context.Euid;

    public static long Gid(ProbeContext context) => !context.EventIdsCaptured && context.EventTask is { } task ? task.Of(context.Pid).Gid : context.Gid;

    public static long Egid(ProbeContext context) => context.EventTask is { } task ? task.Of(context.Pid).Egid : context.Egid;

    public static string Execname(ProbeContext context) => context.ExecName;

    public static string Pexecname(ProbeContext context) => context.ParentExecName;

    public static long Cpu(ProbeContext context) => context.Cpu;

    public static string Pp(ProbeContext context) =>
        ScriptString.Truncate(context.ProbePoint, context.Limits.MaxStringLength);

    /// <summary>The probe name as written; falls back to pp() as stap does when there is none.</summary>
    public static string Pn(ProbeContext context) =>
        ScriptString.Truncate(context.ProbeName ?? context.ProbePoint, context.Limits.MaxStringLength);

    /// <summary>
    /// The text after <c>function("</c> (else <c>statement("</c>) in pp(), up to the first '@' or
    /// '"'; "" if pp() has neither.
    /// </summary>
    public static string Ppfunc(ProbeContext context)
    {
        string pp = context.ProbePoint;
        int start = pp.IndexOf("function(\"", StringComparison.Ordinal);
        int skip = 10;
        if (start < 0)
        {
            start = pp.IndexOf("statement(\"", StringComparison.Ordinal);
            skip = 11;
        }

        if (start < 0)
        {
            return "";
        }

        var rest = pp.AsSpan(start + skip);
        int end = rest.IndexOfAny('@', '"');
        var name = end < 0 ? rest : rest[..end];
        return ScriptString.Truncate(name.ToString(), context.Limits.MaxStringLength);
    }

    /// <summary>
    /// FR: the function named in pp() (uprobe function probes); stap's symbol lookup of the sampled
    /// instruction pointer is not available, so other probes give "".
    /// </summary>
    public static string Probefunc(ProbeContext context) => Ppfunc(context);

    public static long Target(ProbeContext context) => context.TargetPid;

    public static long IsReturn(ProbeContext context) => context.IsReturn ? 1 : 0;

    public static long UserMode(ProbeContext context) => context.UserMode ? 1 : 0;

    public static long RegistersValid(ProbeContext context) => context.RegistersValid ? 1 : 0;

    public static long Addr(ProbeContext context) => context.Addr;

    public static long Uaddr(ProbeContext context) => context.UAddr;

    public static long StpPid(ProbeContext context) => context.RunnerPid;

    public static string ModuleName(ProbeContext context) => context.ModuleName;

    /// <summary>
    /// argv[n..m] of the current process (m &lt; 0: to the end) joined by <paramref name="delim"/>;
    /// arguments after the first that are empty are written <c>""</c>. Mirrors the tapset's walk:
    /// each argument is read like user_string (at most MAXSTRINGLEN−2 bytes) and the walk advances by
    /// the length read plus one.
    /// </summary>
    public static string CmdlineArgs(ProbeContext context, long n, long m, string delim)
    {
        byte[]? cmdline = context.ProcessInfo.ReadCommandLine(context.Pid);
        if (cmdline is null || cmdline.Length == 0)
        {
            return "";
        }

        int maxStringLength = context.Limits.MaxStringLength;
        string args = "";
        int offset = 0;
        for (long nr = 0; offset < cmdline.Length && (m < 0 || nr <= m); nr++)
        {
            string arg = UserString(cmdline, offset, maxStringLength);
            offset += arg.Length + 1;
            if (nr == n)
            {
                args = arg;
            }
            else if (nr > n)
            {
                args = ScriptString.Concat(args, delim + (arg.Length == 0 ? "\"\"" : arg), maxStringLength);
            }
        }

        return args;
    }

    public static string CmdlineArg(ProbeContext context, long n) => CmdlineArgs(context, n, n, "");

    public static string CmdlineStr(ProbeContext context) => CmdlineArgs(context, 0, -1, " ");

    /// <summary>
    /// The value of <paramref name="name"/> in the current process's environment (the text after the
    /// first '=' of the first entry whose name matches), "" if unset. Unlike stap's tapset this does
    /// not disturb the script's tokenize() scan.
    /// </summary>
    public static string EnvVar(ProbeContext context, string name)
    {
        if (name.Length == 0)
        {
            return "";
        }

        byte[]? environ = context.ProcessInfo.ReadEnvironment(context.Pid);
        if (environ is null)
        {
            return "";
        }

        int maxStringLength = context.Limits.MaxStringLength;
        for (int offset = 0; offset < environ.Length;)
        {
            string entry = UserString(environ, offset, maxStringLength);
            offset += entry.Length + 1;
            string trimmed = entry.TrimStart('=');
            int equals = trimmed.IndexOf('=');
            string entryName = equals < 0 ? trimmed : trimmed[..equals];
            if (entryName == name)
            {
                return equals < 0 ? "" : trimmed[(equals + 1)..];
            }
        }

        return "";
    }

    /// <summary>A NUL-terminated string at <paramref name="offset"/>, at most MAXSTRINGLEN−2 bytes (user_string).</summary>
    private static string UserString(byte[] data, int offset, int maxStringLength)
    {
        var rest = data.AsSpan(offset);
        int end = rest.IndexOf((byte)0);
        int length = Math.Min(end < 0 ? rest.Length : end, maxStringLength - 2);
        return Encoding.Latin1.GetString(rest[..length]);
    }
}
