using FlightRec.Runner.Terminal;
using FlightRec.Runtime.Linux;
using FlightRec.Runtime.Transport;

namespace FlightRec.Runner.Sessions;

/// <summary>
/// frrun -l / --list: one line per session under the runtime root — module name, state
/// (running, exited, or dead when its host vanished without stopping), ring policy, how much
/// of the buffers holds data, and the attached consumer.
/// </summary>
internal sealed class SessionLister(StandardStreams streams)
{
    public int Run()
    {
        foreach (string name in SessionPaths.ListNames())
        {
            streams.Out.WriteLine(Describe(SessionPaths.For(name)));
        }

        streams.Out.Flush();
        return 0;
    }

    public static string Describe(SessionPaths paths)
    {
        SessionHeader header;
        try
        {
            header = SessionHeader.Open(paths.HeaderPath, writable: false);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            string reason = e is FileNotFoundException ? "no session file yet" : e.Message;
            return $"{paths.Name}: unreadable ({reason})";
        }

        using (header)
        {
            var info = header.Info;
            long capacity = info.RingCapacity * info.CpuCount;
            long used = SessionUsage.Of(paths, info.CpuCount).Sum(r => r.UsedBytes);
            string policy = info.Policy.ToString().ToLowerInvariant();
            string line = $"{paths.Name}: {State(header)}, {policy}, {used}/{capacity} bytes buffered, {Consumer(header.ConsumerPid)}";
            long lost = header.LostEvents;
            return lost > 0 ? $"{line}\nWARNING: Number of lost events: {lost}" : line;
        }
    }

    private static string State(SessionHeader header)
    {
        var state = header.State;
        if (header.IsHostAlive())
        {
            string word = state is HostState.Starting or HostState.Stopping ? state.ToString().ToLowerInvariant() : "running";
            return $"{word} (host pid {header.Info.HostPid})";
        }

        return state == HostState.Exited
            ? $"exited with status {header.ExitCode}"
            : $"dead (host pid {header.Info.HostPid})";
    }

    private static string Consumer(int pid) =>
        pid > 0 && ProcessSignals.Exists(pid) ? $"consumer pid {pid}" : "no consumer";
}
