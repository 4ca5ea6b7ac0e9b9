using FlightRec.Frstap;

namespace FlightRec.Compiler.Tests.Cli;

/// <summary>What a user sees from one frstap invocation: exit code, stdout and stderr.</summary>
internal sealed record FrstapRun(int ExitCode, string Stdout, string Stderr)
{
    public static FrstapRun InProcess(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = FrstapCommandLine.Run(args, stdout, stderr);
        return new FrstapRun(code, stdout.ToString(), stderr.ToString());
    }
}
