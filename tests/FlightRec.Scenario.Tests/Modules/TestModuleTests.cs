using System.Globalization;
using FlightRec.Runtime.Execution;
using FlightRec.Runtime.Module;
using FlightRec.Scenario.Tests.Harness;

namespace FlightRec.Scenario.Tests.Modules;

/// <summary>
/// The hand-written test modules, built with Roslyn against this test's FlightRec.Runtime and
/// run in-process: each behaves as the scenarios assume, so a scenario failure points at
/// frrun or the host, not at its module. Needs no published frrun.
/// </summary>
public sealed class TestModuleTests
{
    private static readonly ModuleSet Modules = ModuleSet.For(typeof(ProbeModule).Assembly.Location);

    public static TheoryData<string> ModuleNames() =>
        new(TestModuleSource.All.Where(m => m != TestModuleSource.NotAModule).Select(m => m.AssemblyName));

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void EachModuleHoldsExactlyOneProbeModuleNamedLikeItsFile(string name)
    {
        var source = TestModuleSource.All.Single(m => m.AssemblyName == name);
        var classes = InProcessModule.ModuleClasses(Modules.PathOf(source), out var context);
        try
        {
            var module = (ProbeModule)Activator.CreateInstance(Assert.Single(classes))!;
            Assert.Equal(name, module.Options.Name);
        }
        finally
        {
            context.Unload();
        }
    }

    [Fact]
    public void NotAModuleIsAnAssemblyWithoutProbeModule()
    {
        var classes = InProcessModule.ModuleClasses(Modules.PathOf(TestModuleSource.NotAModule), out var context);
        context.Unload();
        Assert.Empty(classes);
    }

    [Fact]
    public void Abi2IsRefusedByThisRuntime()
    {
        var classes = InProcessModule.ModuleClasses(Modules.PathOf(TestModuleSource.Abi2), out var context);
        try
        {
            var module = (ProbeModule)Activator.CreateInstance(Assert.Single(classes))!;
            var refusal = Assert.Throws<InvalidOperationException>(() => ProbeModule.CheckCompatible(module));
            Assert.Equal(
                "module abi2 was built for FlightRec module ABI 2, but this runtime implements ABI 1; rebuild it with this frstap",
                refusal.Message);
        }
        finally
        {
            context.Unload();
        }
    }

    [Fact]
    public void BadInputsAreNotAssemblies()
    {
        Assert.False(File.Exists(Modules.Missing));
        Assert.Throws<BadImageFormatException>(() => System.Reflection.AssemblyName.GetAssemblyName(Modules.Text));
        Assert.Throws<BadImageFormatException>(() => System.Reflection.AssemblyName.GetAssemblyName(Modules.Truncated));
    }

    [Fact]
    public void SeqPrintsOneNumberPerHitAndExitsAfterItsLimit()
    {
        using var seq = InProcessModule.Start(Modules.PathOf(TestModuleSource.Seq), ("limit", "3"));
        for (int i = 0; i < 3; i++)
        {
            Assert.True(seq.Fire("timer.ms(10)"));
        }

        Assert.Equal(SessionState.Stopping, seq.State);
        seq.Stop();
        Assert.Equal(["1\n", "2\n", "3\n"], seq.Commits.Select(c => System.Text.Encoding.ASCII.GetString(c)));
        Assert.Equal("", seq.Errors);
    }

    [Fact]
    public void SeqRefusesANonNumericLimit()
    {
        var classes = InProcessModule.ModuleClasses(Modules.PathOf(TestModuleSource.Seq), out var context);
        try
        {
            var module = (ProbeModule)Activator.CreateInstance(Assert.Single(classes))!;
            var refusal = Assert.Throws<FormatException>(() => module.AssignGlobal("limit", "many"));
            Assert.Equal("invalid value 'many' for global limit: not a number", refusal.Message);
        }
        finally
        {
            context.Unload();
        }
    }

    [Fact]
    public void FloodWritesNumberedRecordsOfFourKilobytesThenSignalsDone()
    {
        string done = Path.Combine(Path.GetTempPath(), $"flood-done-{Guid.NewGuid():N}");
        try
        {
            using var flood = InProcessModule.Start(Modules.PathOf(TestModuleSource.Flood), ("records", "100"), ("donefile", done));
            flood.Fire("timer.ms(1)");
            Assert.False(File.Exists(done));
            flood.Fire("timer.ms(1)");
            flood.Fire("timer.ms(1)");
            Assert.Equal("100", File.ReadAllText(done));
            Assert.Equal(100, flood.Commits.Count);
            Assert.All(flood.Commits, c => Assert.Equal(4096, c.Length));
            Assert.All(flood.Commits, c => Assert.Equal((byte)'\n', c[^1]));
            Assert.Equal(
                Enumerable.Range(1, 100).Select(n => n.ToString("D10", CultureInfo.InvariantCulture) + " "),
                flood.Commits.Select(c => System.Text.Encoding.ASCII.GetString(c, 0, 11)));
        }
        finally
        {
            File.Delete(done);
        }
    }

    [Fact]
    public void TwoCpuRecordsTheLastCommittedSequenceOfEachProbe()
    {
        string prefix = Path.Combine(Path.GetTempPath(), $"twocpu-{Guid.NewGuid():N}");
        try
        {
            using var twocpu = InProcessModule.Start(Modules.PathOf(TestModuleSource.TwoCpu), ("committed", prefix));
            Assert.Equal(0, ReadCounter(prefix + ".A"));
            twocpu.Fire("timer.ms(1)");
            twocpu.Fire("timer.ms(1)");
            twocpu.Fire("timer.us(1000)");
            twocpu.Fire("timer.ms(1)");
            Assert.Equal(2, ReadCounter(prefix + ".A"));
            Assert.Equal(0, ReadCounter(prefix + ".B"));
            Assert.Equal("A 1\nA 2\nB 1\nA 3\n", twocpu.Output);
        }
        finally
        {
            File.Delete(prefix + ".A");
            File.Delete(prefix + ".B");
        }
    }

    [Theory]
    [InlineData("big", false)]
    [InlineData("bigbulk", true)]
    public void BigWritesItsMegabytesInNumberedLinesAndExits(string name, bool bulk)
    {
        var source = TestModuleSource.All.Single(m => m.AssemblyName == name);
        using var big = InProcessModule.Start(Modules.PathOf(source), ("megabytes", "1"));
        Assert.Equal(bulk, big.Module.Options.Bulk);
        while (big.State == SessionState.Running)
        {
            big.Fire("timer.ms(1)");
            big.Fire("timer.us(1000)");
        }

        big.Stop();
        Assert.Equal(1024, big.Commits.Count);
        Assert.All(big.Commits, c => Assert.Equal(1024, c.Length));
        var lines = big.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Enumerable.Range(1, 512).Select(n => $"A {n:D8}"), lines.Where(l => l[0] == 'A').Select(l => l[..10]));
        Assert.Equal(Enumerable.Range(1, 512).Select(n => $"B {n:D8}"), lines.Where(l => l[0] == 'B').Select(l => l[..10]));
    }

    [Fact]
    public void ExitPrintsHelloThenByeFromItsEndProbe()
    {
        using var exit = InProcessModule.Start(Modules.PathOf(TestModuleSource.Exit));
        Assert.Equal(SessionState.Stopping, exit.State);
        exit.Stop();
        Assert.Equal("hello\nbye\n", exit.Output);
        Assert.Equal("", exit.Errors);
    }

    [Fact]
    public void ErrFailsInBeginAndRunsItsErrorProbe()
    {
        using var err = InProcessModule.Start(Modules.PathOf(TestModuleSource.Err));
        Assert.Equal(SessionState.Error, err.State);
        err.Stop();
        Assert.Equal("before\nerror probe\n", err.Output);
        Assert.Equal("ERROR: boom\nWARNING: Number of errors: 1, skipped probes: 0\n", err.Errors);
    }

    private static long ReadCounter(string path) => long.Parse(File.ReadAllText(path), CultureInfo.InvariantCulture);
}
