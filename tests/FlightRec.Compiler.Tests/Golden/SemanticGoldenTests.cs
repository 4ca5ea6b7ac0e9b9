using Xunit;

namespace FlightRec.Compiler.Tests.Golden;

/// <summary>
/// frstap -p2 over the hand-written scripts of tests/golden/p2: the exact semantic errors, or the
/// -p2 listing of an accepted script, compared with NAME.out (FLIGHTREC_UPDATE_GOLDEN=1 rewrites them).
/// </summary>
[Collection(FrstapEnvironmentCollection.Name)]
public class SemanticGoldenTests
{
    public static TheoryData<string> Cases => [.. GoldenCase.Names(GoldenCase.P2Directory)];

    [Fact]
    public void TheSetIsLargeEnough()
    {
        int errors = GoldenCase.Names(GoldenCase.P2Directory).Count(n => n.StartsWith("err-", StringComparison.Ordinal));
        Assert.True(errors >= 25, $"only {errors} golden p2 error scripts");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesGolden(string name)
    {
        var golden = GoldenCase.Load(GoldenCase.P2Directory, name) with { Pass = 2 };
        var outcome = InProcessFrstap.Run(golden.Arguments(golden.FileName), golden.Directory, GoldenCase.RepositoryTapset,
            Path.Combine(GoldenCase.P2Directory, "tracefs"));
        GoldenFile.Verify(golden.GoldenPath, golden.Render(outcome));
    }
}
