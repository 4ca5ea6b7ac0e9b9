using FlightRec.Runtime.Providers.Tracepoints;
using FlightRec.Runtime.Tests.Providers.Tracepoints;
using Xunit.Abstractions;

namespace FlightRec.Runtime.Tests.Perf;

/// <summary>
/// This machine's tracefs and perf events, for the tests that open real events. Without root they
/// log and pass, except on CI (CI=true), where they fail with the reason: CI runs as root.
/// </summary>
internal static class RealPerf
{
    public static TracefsCatalogue? Open(ITestOutputHelper log)
    {
        var catalogue = RealTracefs.Open(log);
        if (catalogue is null)
        {
            return null;
        }

        if (Environment.IsPrivilegedProcess)
        {
            return catalogue;
        }

        Assert.False(
            string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase),
            "CI needs root to open perf events");
        log.WriteLine("not checked against the kernel: perf events need root");
        return null;
    }

    /// <summary>Runs <paramref name="body"/> on a new thread pinned to <paramref name="cpu"/> (the test thread keeps its affinity).</summary>
    public static T OnPinnedThread<T>(int cpu, Func<T> body)
    {
        T? result = default;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                Assert.True(FlightRec.Runtime.Linux.CpuAffinity.PinCurrentThread(cpu), $"cannot pin to CPU {cpu}");
                result = body();
            }
            catch (Exception error)
            {
                failure = error;
            }
        });
        thread.Start();
        thread.Join();
        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }

        return result!;
    }
}
