using FlightRec.Runtime.Providers.Tracepoints;
using Xunit.Abstractions;

namespace FlightRec.Runtime.Tests.Providers.Tracepoints;

/// <summary>
/// This machine's tracefs, for the tests that check our parsing against the kernel. Without
/// it they log and pass, except on CI (CI=true), where they fail with the reason: .ci/run mounts
/// tracefs, so it missing there is a broken environment, not something to skip.
/// </summary>
internal static class RealTracefs
{
    public static TracefsCatalogue? Open(ITestOutputHelper log)
    {
        var catalogue = TracefsCatalogue.Open();
        if (catalogue.IsAvailable)
        {
            return catalogue;
        }

        Assert.False(
            string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase),
            $"CI needs tracefs: {catalogue.UnavailableReason}");
        log.WriteLine($"not checked against the kernel: {catalogue.UnavailableReason}");
        return null;
    }
}
