using FlightRec.Compiler.Driver;
using FlightRec.Compiler.Tests.Building;
using Xunit;

namespace FlightRec.Compiler.Tests.Driver;

public sealed class ScriptCacheKeyTests
{
    private static readonly CompilerOptions Options = new() { ScriptPath = "a.frs", LastPass = 5 };

    [Fact]
    public void TheSameInputsGiveTheSameKey()
    {
        using var scratch = new ScratchDirectory();
        Assert.Equal(ScriptCacheKey.Compute(Options, "probe begin {}", [scratch.Path]),
            ScriptCacheKey.Compute(Options, "probe begin {}", [scratch.Path]));
    }

    public static TheoryData<string> Changes =>
    [
        "script", "path", "pass", "arguments", "define", "global", "guru", "compatible", "module", "overwrite",
        "buffer", "timeout", "no-warnings", "unoptimized", "include", "kernel-release", "bulk", "warnings-are-errors",
    ];

    [Theory]
    [MemberData(nameof(Changes))]
    public void EveryInputOfPassesOneToFourChangesTheKey(string change)
    {
        using var scratch = new ScratchDirectory();
        string text = "probe begin {}";
        var options = change switch
        {
            "path" => Options with { ScriptPath = "b.frs" },
            "pass" => Options with { LastPass = 4 },
            "arguments" => Options with { Arguments = ["1"] },
            "define" => Options with { Defines = ["MAXACTION=5"] },
            "global" => Options with { GlobalAssignments = ["x=1"] },
            "guru" => Options with { Guru = true },
            "compatible" => Options with { CompatibleVersion = "3.3" },
            "module" => Options with { ModuleName = "m" },
            "overwrite" => Options with { Overwrite = true },
            "buffer" => Options with { BufferSizeMegabytes = 2 },
            "timeout" => Options with { TimeoutMilliseconds = 1000 },
            "no-warnings" => Options with { SuppressWarnings = true },
            "unoptimized" => Options with { Unoptimized = true },
            "include" => Options with { IncludeDirectories = [scratch.Path] },
            "kernel-release" => Options with { KernelRelease = "2.6.32" },
            "bulk" => Options with { Bulk = true },
            "warnings-are-errors" => Options with { WarningsAreErrors = true },
            _ => Options,
        };
        if (change == "script")
        {
            text = "probe end {}";
        }

        Assert.NotEqual(ScriptCacheKey.Compute(Options, "probe begin {}", [scratch.Path]),
            ScriptCacheKey.Compute(options, text, [scratch.Path]));
    }

    [Fact]
    public void PassFiveOnlyOptionsKeepTheKey()
    {
        using var scratch = new ScratchDirectory();
        var run = Options with { Run = new RunRequest { OutputFile = "o", Command = "ls", TargetPid = 1, FlightRecorder = true } };

        Assert.Equal(ScriptCacheKey.Compute(Options, "probe begin {}", [scratch.Path]),
            ScriptCacheKey.Compute(run, "probe begin {}", [scratch.Path]));
    }

    [Fact]
    public void AnyChangeToATapsetFileChangesTheKey()
    {
        using var scratch = new ScratchDirectory();
        string nested = Directory.CreateDirectory(Path.Combine(scratch.Path, "linux")).FullName;
        string file = Path.Combine(nested, "t.frs");
        File.WriteAllText(file, "function f() { return 1 }");
        string before = ScriptCacheKey.Compute(Options, "", [scratch.Path]);

        File.WriteAllText(file, "function f() { return 2 }");
        File.SetLastWriteTimeUtc(file, File.GetLastWriteTimeUtc(file).AddSeconds(1));
        string edited = ScriptCacheKey.Compute(Options, "", [scratch.Path]);
        File.WriteAllText(Path.Combine(scratch.Path, "new.stpm"), "");
        string added = ScriptCacheKey.Compute(Options, "", [scratch.Path]);

        Assert.Equal(3, new[] { before, edited, added }.Distinct().Count());
    }

    [Fact]
    public void AMissingTapsetDirectoryDiffersFromAnEmptyOne()
    {
        using var scratch = new ScratchDirectory();
        Assert.NotEqual(ScriptCacheKey.Compute(Options, "", [scratch.Path]),
            ScriptCacheKey.Compute(Options, "", [Path.Combine(scratch.Path, "absent")]));
    }

    [Theory]
    [InlineData(5, 0, false, false, true)]
    [InlineData(4, 0, false, false, true)]
    [InlineData(3, 0, false, false, false)]
    [InlineData(5, 1, false, false, false)]
    [InlineData(5, 0, true, false, false)]
    [InlineData(5, 0, false, true, false)]
    public void OnlyQuietBuildsAndRunsUseTheCache(int pass, int verbosity, bool keep, bool listing, bool applies) =>
        Assert.Equal(applies, ScriptCacheKey.Applies(Options with
        {
            LastPass = pass,
            Verbosity = verbosity,
            KeepTemporary = keep,
            Listing = listing ? ProbeListingMode.Points : ProbeListingMode.None,
        }));
}
