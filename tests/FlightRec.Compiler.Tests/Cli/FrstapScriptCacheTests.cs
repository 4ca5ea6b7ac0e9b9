using System.Diagnostics;
using FlightRec.Compiler.Tests.Building;
using Xunit;

namespace FlightRec.Compiler.Tests.Cli;

/// <summary>
/// The script cache through frstap as a process: a repeated -p4 gives the same output and module
/// from the cache (its messages replayed), and any change to an input is a miss.
/// </summary>
public sealed class FrstapScriptCacheTests : IDisposable
{
    private const string Script = "probe begin { a = 1; exit() }";
    private static readonly string Program = Path.Combine(AppContext.BaseDirectory, "frstap");
    private readonly ScratchDirectory _scratch = new();

    private string CacheDirectory => Path.Combine(_scratch.Path, "cache", "flightrec");

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public void ARepeatedBuildReplaysTheWarningsAndWritesTheSameModule()
    {
        var first = Frstap("-p4", "-m", "w", "-e", Script);
        byte[] module = File.ReadAllBytes(Path.Combine(_scratch.Path, "w.dll"));
        File.Delete(Path.Combine(_scratch.Path, "w.dll"));
        var second = Frstap("-p4", "-m", "w", "-e", Script);

        Assert.Equal((0, "w.dll\n"), (first.Code, first.Stdout));
        Assert.StartsWith("WARNING: Eliding assignment to 'a': operator '=' at <input>:1:17\n", first.Stderr);
        Assert.Equal(first, second);
        Assert.Equal(module, File.ReadAllBytes(Path.Combine(_scratch.Path, "w.dll")));
        Assert.Single(Directory.GetFiles(CacheDirectory, "*.script"));
    }

    [Fact]
    public void AHitSkipsThePassesAndAnEditedTapsetIsAMiss()
    {
        string tapset = Directory.CreateDirectory(Path.Combine(_scratch.Path, "tapset")).FullName;
        string library = Path.Combine(tapset, "lib.frs");
        File.WriteAllText(library, "function lib() { return 1 }\n");
        string[] args = ["-p4", "-m", "t", "-I", tapset, "-e", "probe begin { println(lib()) exit() }"];
        Assert.Equal((0, "t.dll\n", ""), Frstap(args));

        // Proof that the next run comes from the entry: it prints what the entry says passes 1-4 printed.
        string entry = Assert.Single(Directory.GetFiles(CacheDirectory, "*.script"));
        string[] fields = File.ReadAllText(entry).Split('\n');
        File.WriteAllText(entry, string.Join('\n', fields[..3]) + "\n9 REPLAYED\n\n");
        Assert.Equal((0, "t.dll\n", "REPLAYED\n"), Frstap(args));

        File.WriteAllText(library, "function lib() { return 2 }\n");
        File.SetLastWriteTimeUtc(library, File.GetLastWriteTimeUtc(library).AddSeconds(1));
        Assert.Equal((0, "t.dll\n", ""), Frstap(args));
    }

    [Fact]
    public void VerboseRunsAndFailedBuildsStoreNothing()
    {
        var verbose = Frstap("-v", "-p4", "-e", "probe begin { exit() }");
        var failed = Frstap("-p4", "-e", "probe begin { x = }");

        Assert.Equal(0, verbose.Code);
        Assert.Contains("Pass 1: parsed user script", verbose.Stderr);
        Assert.Equal(1, failed.Code);
        Assert.Empty(Directory.Exists(CacheDirectory) ? Directory.GetFiles(CacheDirectory, "*.script") : []);
    }

    private (int Code, string Stdout, string Stderr) Frstap(params string[] args)
    {
        var start = new ProcessStartInfo(Program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _scratch.Path,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("FLIGHTREC_TAPSET");
        start.Environment["XDG_CACHE_HOME"] = Path.Combine(_scratch.Path, "cache");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(60_000), "frstap did not finish in 60 s");
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
