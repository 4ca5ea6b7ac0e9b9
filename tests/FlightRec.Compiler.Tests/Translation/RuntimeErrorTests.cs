using FlightRec.Compiler.Tests.Cli;
using Xunit;

namespace FlightRec.Compiler.Tests.Translation;

/// <summary>Runtime errors in generated code carry the script location the runtime reports.</summary>
public class RuntimeErrorTests
{
    [Theory]
    [InlineData("probe begin { x = 0; println(10 / x) }", "ERROR: division by 0 near operator '/' at <input>:1:33 in probe begin\n")]
    [InlineData("global s probe begin { println(@min(s)) }", "ERROR: empty aggregate near operator '@min' at <input>:1:32 in probe begin\n")]
    [InlineData("probe begin { while (1) x++ }", "ERROR: MAXACTION exceeded near identifier 'x' at <input>:1:25 in probe begin\n")]
    public void ErrorNamesTheScriptLocation(string script, string firstLine)
    {
        var generated = FrstapRun.InProcess("-p3", "-m", "errors", "-e", script);
        Assert.Equal(0, generated.ExitCode);
        var (_, stderr) = ModuleRun.Run(GeneratedModule.Create(generated.Stdout, "errors"));
        Assert.Equal(firstLine, stderr.Split('\n')[0] + "\n");
    }
}
