using FlightRec.Compiler.Tests.Golden;
using Xunit;

namespace FlightRec.Compiler.Tests.Translation;

/// <summary>
/// The scripts of tests/golden/p3: frstap -p3 output compared with NAME.out, then the generated
/// C# compiled with Roslyn and run through the runtime's ScriptSession, its output compared
/// with NAME.expected (FLIGHTREC_UPDATE_GOLDEN=1 rewrites both; review the diff).
/// </summary>
[Collection(FrstapEnvironmentCollection.Name)]
public class Pass3GoldenTests
{
    private static string Directory => Path.Combine(GoldenCase.RepositoryRoot, "tests", "golden", "p3");

    public static TheoryData<string> Cases => [.. GoldenCase.Names(Directory)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void GeneratedCSharpMatchesGolden(string name)
    {
        var outcome = Generate(name);
        Assert.Equal("", outcome.Stderr);
        Assert.Equal(0, outcome.ExitCode);
        GoldenFile.Verify(Path.Combine(Directory, name + ".out"), outcome.Stdout);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void GeneratedModuleRunsAsExpected(string name)
    {
        var outcome = Generate(name);
        Assert.Equal(0, outcome.ExitCode);
        var module = GeneratedModule.Create(outcome.Stdout, ModuleName(name));
        var (stdout, stderr) = ModuleRun.Run(module);
        Assert.Equal("", stderr);
        GoldenFile.Verify(Path.Combine(Directory, name + ".expected"), stdout);
    }

    [Fact]
    public void TheSetIsLargeEnough() => Assert.True(Cases.Count >= 8, $"only {Cases.Count} p3 golden scripts");

    private static string ModuleName(string name) => "p3_" + name.Replace('-', '_');

    private static FrstapOutcome Generate(string name) =>
        InProcessFrstap.Run(["-p3", "-m", ModuleName(name), name + ".frs"], Directory, GoldenCase.RepositoryTapset);
}
