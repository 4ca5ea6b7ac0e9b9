using FlightRec.Compiler.Tests.Cli;
using Xunit;

namespace FlightRec.Compiler.Tests.Translation;

/// <summary>frstap -p3 of a -e script (with options such as -u or -D), compiled and run in this process.</summary>
internal static class ScriptRun
{
    public static (string Stdout, string Stderr) Run(string script, params string[] options)
    {
        var generated = FrstapRun.InProcess(["-p3", "-m", "script", .. options, "-e", script]);
        Assert.True(generated.ExitCode == 0, generated.Stderr);
        return ModuleRun.Run(GeneratedModule.Create(generated.Stdout, "script"));
    }

    /// <summary>The stderr of a run that ended with one uncaught error.</summary>
    public static string OneError(string errorLine) => errorLine + "\nWARNING: Number of errors: 1, skipped probes: 0\n";
}
