using FlightRec.Runtime.Transport;

namespace FlightRec.Runner.Consumer;

/// <summary>
/// After <c>done</c> the host removes its session and exits. frrun waits for that (briefly),
/// so that when frrun has exited the module is gone too — for scripts, `frrun -l` and tests.
/// </summary>
internal static class HostExit
{
    private const int WaitMs = 5000;
    private const int PollMs = 5;

    public static void Await(SessionHeader header)
    {
        long deadline = Environment.TickCount64 + WaitMs;
        while (header.IsHostAlive() && Environment.TickCount64 < deadline)
        {
            Thread.Sleep(PollMs);
        }
    }
}
