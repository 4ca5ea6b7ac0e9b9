using System.Text;
using FlightRec.Runtime.Context;
using FlightRec.Runtime.Output;
using FlightRec.Runtime.Tapset;

namespace FlightRec.Runtime.Tests.Tapset;

internal sealed class FakeClock : IScriptClock
{
    public long RealtimeNanoseconds { get; set; }

    public long MonotonicNanoseconds { get; set; }

    public long Cycles { get; set; }

    public long Hz { get; set; } = 250;
}

internal sealed class FakeProcessInfo : IProcessInfo
{
    public Dictionary<long, byte[]> CommandLines { get; } = [];

    public Dictionary<long, byte[]> Environments { get; } = [];

    public static byte[] Nul(params string[] parts) =>
        Encoding.Latin1.GetBytes(string.Concat(parts.Select(p => p + "\0")));

    public byte[]? ReadCommandLine(long pid) => CommandLines.GetValueOrDefault(pid);

    public byte[]? ReadEnvironment(long pid) => Environments.GetValueOrDefault(pid);
}

internal sealed class RecordingSession : ISessionControl
{
    public List<string> Calls { get; } = [];

    public void RequestExit() => Calls.Add("exit");

    public void Abort() => Calls.Add("abort");

    public void Warn(string message) => Calls.Add("warn:" + message);
}

internal sealed class ListSink : IOutputSink
{
    public StringBuilder Text { get; } = new();

    public void Commit(ReadOnlySpan<byte> output) => Text.Append(Encoding.Latin1.GetString(output));
}
