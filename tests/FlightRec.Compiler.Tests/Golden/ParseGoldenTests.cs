using Xunit;

namespace FlightRec.Compiler.Tests.Golden;

/// <summary>
/// frstap -p1 over the hand-written scripts of tests/golden/p1: the pretty-printed script or
/// the exact error text, compared with NAME.out (FLIGHTREC_UPDATE_GOLDEN=1 rewrites them).
/// </summary>
[Collection(FrstapEnvironmentCollection.Name)]
public class ParseGoldenTests
{
    public static TheoryData<string> Cases => [.. GoldenCase.Names(GoldenCase.P1Directory)];

    [Fact]
    public void TheSetIsLargeEnough() => Assert.True(Cases.Count >= 40, $"only {Cases.Count} golden p1 scripts");

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesGolden(string name)
    {
        var golden = GoldenCase.Load(GoldenCase.P1Directory, name);
        var outcome = Run(golden);
        GoldenFile.Verify(golden.GoldenPath, golden.Render(outcome));
    }

    /// <summary>
    /// Runs in the script's folder with the bare file name, so messages name the file as the
    /// command line does and never contain a path of this machine.
    /// </summary>
    internal static FrstapOutcome Run(GoldenCase golden) =>
        InProcessFrstap.Run(golden.Arguments(golden.FileName), golden.Directory, GoldenCase.RepositoryTapset);
}
