using System.Diagnostics;
using Xunit;

namespace FlightRec.Compiler.Tests.Cli;

/// <summary>frstap as a real process, as a user runs it: the program beside the tests, its own tapset folder.</summary>
public sealed class FrstapProcessTests
{
    private static readonly string Program = Path.Combine(AppContext.BaseDirectory, "frstap");

    private static (int Code, string Stdout, string Stderr) Run(string? stdin, params string[] args)
    {
        var start = new ProcessStartInfo(Program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("FLIGHTREC_TAPSET");
        using var process = Process.Start(start)!;
        process.StandardInput.Write(stdin ?? "");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(30_000), "frstap did not finish in 30 s");
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    [Fact]
    public void ReadsTheScriptFromStandardInput()
    {
        var (code, stdout, stderr) = Run("probe begin{exit()}", "-p1", "-");
        Assert.Equal("", stderr);
        Assert.Equal(0, code);
        Assert.Equal("probe begin {\n  exit();\n}\n", stdout);
    }

    [Fact]
    public void FindsItsBundledMacroLibrary()
    {
        var (code, stdout, stderr) = Run(null, "-p1", "-e", "probe begin { x = @choose_defined($nope, 7) }");
        Assert.Equal("", stderr);
        Assert.Equal(0, code);
        Assert.Equal("probe begin {\n  x = @defined($nope) ? $nope : 7;\n}\n", stdout);
    }

    [Fact]
    public void ParseErrorGivesExitCodeOneAndNoStackTrace()
    {
        var (code, stdout, stderr) = Run("probe begin { if }", "-p1", "-");
        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.StartsWith("parse error: expected '('\n        saw: operator '}' at <input>:1:18\n", stderr);
        Assert.DoesNotContain("   at ", stderr.Replace("saw:", "").Replace("    at: ", ""));
        Assert.EndsWith("1 parse error.\nPass 1: parse failed.  [man error::pass1]\n", stderr);
    }
}
