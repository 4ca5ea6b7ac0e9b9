using FlightRec.Runtime.Context;
using FlightRec.Runtime.Execution;
using FlightRec.Runtime.Tapset;

namespace FlightRec.Runtime.Tests.Tapset;

public class TapsetContextTests
{
    [Fact]
    public void Accessors_read_the_context()
    {
        var context = new ProbeContext
        {
            Cpu = 3,
            Pid = 100,
            Tid = 101,
            Ppid = 1,
            Uid = 1000,
            Euid = 1001,
            Gid = 100,
            Egid = 101,
            ExecName = "bash",
            ParentExecName = "systemd",
            ProbePoint = "kernel.trace(\"sched:sched_switch\")",
            ProbeName = "scheduler.cpu_off",
            IsReturn = true,
            UserMode = true,
            RegistersValid = true,
            Addr = 0x1234,
            UAddr = 0x5678,
            TargetPid = 42,
            ModuleName = "rec",
            RunnerPid = 7,
        };
        Assert.Equal(3, TapsetContext.Cpu(context));
        Assert.Equal(100, TapsetContext.Pid(context));
        Assert.Equal(101, TapsetContext.Tid(context));
        Assert.Equal(1, TapsetContext.Ppid(context));
        Assert.Equal(1000, TapsetContext.Uid(context));
        Assert.Equal(1001, TapsetContext.Euid(context));
        Assert.Equal(100, TapsetContext.Gid(context));
        Assert.Equal(101, TapsetContext.Egid(context));
        Assert.Equal("bash", TapsetContext.Execname(context));
        Assert.Equal("systemd", TapsetContext.Pexecname(context));
        Assert.Equal("kernel.trace(\"sched:sched_switch\")", TapsetContext.Pp(context));
        Assert.Equal("scheduler.cpu_off", TapsetContext.Pn(context));
        Assert.Equal(1, TapsetContext.IsReturn(context));
        Assert.Equal(1, TapsetContext.UserMode(context));
        Assert.Equal(1, TapsetContext.RegistersValid(context));
        Assert.Equal(0x1234, TapsetContext.Addr(context));
        Assert.Equal(0x5678, TapsetContext.Uaddr(context));
        Assert.Equal(42, TapsetContext.Target(context));
        Assert.Equal("rec", TapsetContext.ModuleName(context));
        Assert.Equal(7, TapsetContext.StpPid(context));
        Assert.Equal("", TapsetContext.Ppfunc(context));
    }

    [Fact]
    public void Defaults_are_zero_and_pn_falls_back_to_pp()
    {
        var context = new ProbeContext { ProbePoint = "begin" };
        Assert.Equal("begin", TapsetContext.Pn(context));
        Assert.Equal(0, TapsetContext.IsReturn(context));
        Assert.Equal(0, TapsetContext.RegistersValid(context));
        Assert.Equal(0, TapsetContext.Uaddr(context));
    }

    [Theory]
    [InlineData("process(\"/bin/bash\").function(\"main@shell.c:10\").return", "main")]
    [InlineData("process(\"/bin/bash\").function(\"readline\")", "readline")]
    [InlineData("kernel.statement(\"do_sys_open@fs/open.c:1\")", "do_sys_open")]
    [InlineData("timer.s(1)", "")]
    public void Ppfunc_parses_pp(string pp, string expected)
    {
        var context = new ProbeContext { ProbePoint = pp };
        Assert.Equal(expected, TapsetContext.Ppfunc(context));
        Assert.Equal(expected, TapsetContext.Probefunc(context));
    }

    private static ProbeContext WithCommandLine(params string[] argv)
    {
        var info = new FakeProcessInfo();
        info.CommandLines[55] = FakeProcessInfo.Nul(argv);
        info.Environments[55] = FakeProcessInfo.Nul("HOME=/root", "EMPTY=", "EQ=a=b", "PATH=/bin:/usr/bin");
        return new ProbeContext { Pid = 55, ProcessInfo = info };
    }

    [Fact]
    public void Cmdline_functions()
    {
        var context = WithCommandLine("/bin/ls", "-l", "", "dir");
        Assert.Equal("/bin/ls -l \"\" dir", TapsetContext.CmdlineStr(context));
        Assert.Equal("-l", TapsetContext.CmdlineArg(context, 1));
        Assert.Equal("", TapsetContext.CmdlineArg(context, 2));
        Assert.Equal("dir", TapsetContext.CmdlineArg(context, 3));
        Assert.Equal("", TapsetContext.CmdlineArg(context, 4));
        Assert.Equal("-l,\"\"", TapsetContext.CmdlineArgs(context, 1, 2, ","));
        Assert.Equal("-l|\"\"|dir", TapsetContext.CmdlineArgs(context, 1, -1, "|"));
        Assert.Equal("", TapsetContext.CmdlineArgs(context, 2, 2, ","));
        Assert.Equal(",/bin/ls,-l", TapsetContext.CmdlineArgs(context, -1, 1, ","));
    }

    [Fact]
    public void Cmdline_of_an_unreadable_process_is_empty()
    {
        var context = new ProbeContext { Pid = 999, ProcessInfo = new FakeProcessInfo() };
        Assert.Equal("", TapsetContext.CmdlineStr(context));
        Assert.Equal("", TapsetContext.EnvVar(context, "HOME"));
    }

    [Theory]
    [InlineData("HOME", "/root")]
    [InlineData("PATH", "/bin:/usr/bin")]
    [InlineData("EMPTY", "")]
    [InlineData("EQ", "a=b")]
    [InlineData("HOM", "")]
    [InlineData("NOPE", "")]
    [InlineData("", "")]
    public void EnvVar(string name, string expected) =>
        Assert.Equal(expected, TapsetContext.EnvVar(WithCommandLine("x"), name));

    [Fact]
    public void Proc_implementation_reads_our_own_process()
    {
        var context = new ProbeContext { Pid = Environment.ProcessId };
        Assert.Contains("dotnet", TapsetContext.CmdlineArg(context, 0), StringComparison.Ordinal);
        Assert.Equal(Environment.GetEnvironmentVariable("PATH") is { } path ? ScriptLimitsTruncate(path) : "", TapsetContext.EnvVar(context, "PATH"));
    }

    private static string ScriptLimitsTruncate(string s) => s.Length > 510 ? s[..510] : s;

    [Fact]
    public void Pp_is_truncated_to_MAXSTRINGLEN()
    {
        var context = new ProbeContext { ProbePoint = new string('p', 300), Limits = new ScriptLimits { MaxStringLength = 128 } };
        Assert.Equal(127, TapsetContext.Pp(context).Length);
    }
}
