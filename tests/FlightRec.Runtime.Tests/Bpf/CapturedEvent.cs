using System.Text;
using FlightRec.Runtime.Providers.Bpf;

namespace FlightRec.Runtime.Tests.Bpf;

/// <summary>A capture record copied out of the ring so tests can look at it after the drain.</summary>
internal sealed record CapturedEvent(
    int ProbeIndex,
    int Cpu,
    int ProcessId,
    int ThreadId,
    long Timestamp,
    string Comm,
    byte[] Record,
    int[] StringStatus,
    string?[] Strings)
{
    public static CapturedEvent From(ReadOnlySpan<byte> bytes)
    {
        var record = new TracepointCaptureRecord(bytes);
        var status = new int[record.StringCount];
        var strings = new string?[record.StringCount];
        for (int i = 0; i < record.StringCount; i++)
        {
            status[i] = record.StringStatus(i);
            strings[i] = record.TryGetString(i, out var text) ? Encoding.UTF8.GetString(text) : null;
        }

        return new(
            record.ProbeIndex,
            record.Cpu,
            record.ProcessId,
            record.ThreadId,
            record.Timestamp,
            Encoding.UTF8.GetString(record.Comm),
            record.TracepointRecord.ToArray(),
            status,
            strings);
    }

    public long Int64At(int offset) => BitConverter.ToInt64(Record, offset);
}
