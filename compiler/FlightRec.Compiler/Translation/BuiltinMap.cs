using System.Collections.Frozen;

namespace FlightRec.Compiler.Translation;

/// <summary>
/// The built-in functions of BuiltinCatalogue that are one call of a runtime tapset method.
/// <c>Context</c>: the method takes the handler's ProbeContext first; <c>MaxString</c>: it
/// takes MAXSTRINGLEN last.
/// </summary>
internal static class BuiltinMap
{
    public sealed record Target(string Method, bool Context, bool MaxString = false);

    private static readonly FrozenDictionary<(string Name, int Arity), Target> Targets = new Dictionary<(string, int), Target>
    {
        [("exit", 0)] = new("TapsetControl.Exit", true),
        [("abort", 0)] = new("TapsetControl.Abort", true),
        [("error", 1)] = new("TapsetControl.Error", false),
        [("warn", 1)] = new("TapsetControl.Warn", true),
        [("log", 1)] = new("TapsetControl.Log", true),
        [("assert", 1)] = new("TapsetControl.Assert", false),
        [("assert", 2)] = new("TapsetControl.Assert", false),
        [("strlen", 1)] = new("TapsetStrings.Strlen", false),
        [("substr", 3)] = new("TapsetStrings.Substr", false, MaxString: true),
        [("stringat", 2)] = new("TapsetStrings.Stringat", false),
        [("isinstr", 2)] = new("TapsetStrings.Isinstr", false),
        [("strpos", 2)] = new("TapsetStrings.Strpos", false),
        [("str_replace", 3)] = new("TapsetStrings.StrReplace", false, MaxString: true),
        [("isdigit", 1)] = new("TapsetStrings.Isdigit", false),
        [("tokenize", 2)] = new("TapsetStrings.Tokenize", true),
        [("matched", 1)] = new("TapsetRegex.Matched", true),
        [("matched_str", 0)] = new("TapsetRegex.MatchedStr", true),
        [("ngroups", 0)] = new("TapsetRegex.Ngroups", true),
        [("strtol", 2)] = new("TapsetConversions.Strtol", false),
        [("big_endian2", 1)] = new("TapsetConversions.BigEndian2", false),
        [("big_endian4", 1)] = new("TapsetConversions.BigEndian4", false),
        [("big_endian8", 1)] = new("TapsetConversions.BigEndian8", false),
        [("errno_str", 1)] = new("TapsetConversions.ErrnoStr", false),
        [("return_str", 2)] = new("TapsetConversions.ReturnStr", false),
        [("randint", 1)] = new("TapsetConversions.Randint", false),
        [("pid", 0)] = new("TapsetContext.Pid", true),
        [("tid", 0)] = new("TapsetContext.Tid", true),
        [("ppid", 0)] = new("TapsetContext.Ppid", true),
        [("uid", 0)] = new("TapsetContext.Uid", true),
        [("euid", 0)] = new("TapsetContext.Euid", true),
        [("gid", 0)] = new("TapsetContext.Gid", true),
        [("egid", 0)] = new("TapsetContext.Egid", true),
        [("execname", 0)] = new("TapsetContext.Execname", true),
        [("pexecname", 0)] = new("TapsetContext.Pexecname", true),
        [("cpu", 0)] = new("TapsetContext.Cpu", true),
        [("pp", 0)] = new("TapsetContext.Pp", true),
        [("pn", 0)] = new("TapsetContext.Pn", true),
        [("ppfunc", 0)] = new("TapsetContext.Ppfunc", true),
        [("probefunc", 0)] = new("TapsetContext.Probefunc", true),
        [("target", 0)] = new("TapsetContext.Target", true),
        [("is_return", 0)] = new("TapsetContext.IsReturn", true),
        [("user_mode", 0)] = new("TapsetContext.UserMode", true),
        [("registers_valid", 0)] = new("TapsetContext.RegistersValid", true),
        [("addr", 0)] = new("TapsetContext.Addr", true),
        [("uaddr", 0)] = new("TapsetContext.Uaddr", true),
        [("stp_pid", 0)] = new("TapsetContext.StpPid", true),
        [("module_name", 0)] = new("TapsetContext.ModuleName", true),
        [("cmdline_args", 3)] = new("TapsetContext.CmdlineArgs", true),
        [("cmdline_arg", 1)] = new("TapsetContext.CmdlineArg", true),
        [("cmdline_str", 0)] = new("TapsetContext.CmdlineStr", true),
        [("env_var", 1)] = new("TapsetContext.EnvVar", true),
        [("gettimeofday_ns", 0)] = new("TapsetTime.GettimeofdayNs", true),
        [("gettimeofday_us", 0)] = new("TapsetTime.GettimeofdayUs", true),
        [("gettimeofday_ms", 0)] = new("TapsetTime.GettimeofdayMs", true),
        [("gettimeofday_s", 0)] = new("TapsetTime.GettimeofdayS", true),
        [("local_clock_ns", 0)] = new("TapsetTime.LocalClockNs", true),
        [("local_clock_us", 0)] = new("TapsetTime.LocalClockUs", true),
        [("local_clock_ms", 0)] = new("TapsetTime.LocalClockMs", true),
        [("local_clock_s", 0)] = new("TapsetTime.LocalClockS", true),
        [("cpu_clock_ns", 1)] = new("TapsetTime.CpuClockNs", true),
        [("cpu_clock_us", 1)] = new("TapsetTime.CpuClockUs", true),
        [("cpu_clock_ms", 1)] = new("TapsetTime.CpuClockMs", true),
        [("cpu_clock_s", 1)] = new("TapsetTime.CpuClockS", true),
        [("ktime_get_ns", 0)] = new("TapsetTime.KtimeGetNs", true),
        [("get_cycles", 0)] = new("TapsetTime.GetCycles", true),
        [("jiffies", 0)] = new("TapsetTime.Jiffies", true),
        [("HZ", 0)] = new("TapsetTime.HZ", true),
        [("ctime", 0)] = new("TapsetTime.Ctime", true),
        [("ctime", 1)] = new("TapsetTime.Ctime", false),
    }.ToFrozenDictionary();

    public static Target? Find(string name, int arity) => Targets.GetValueOrDefault((name, arity));
}
