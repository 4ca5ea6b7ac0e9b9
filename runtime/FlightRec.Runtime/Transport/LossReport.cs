using System.Text.Unicode;

namespace FlightRec.Runtime.Transport;

/// <summary>Formats the loss warnings (DESIGN.md wording) into a reusable buffer and hands them to the sink.</summary>
internal sealed class LossReport
{
    private readonly byte[] _line = new byte[160];

    public void Overwritten(IRecordSink sink, long timestamp, long records, long bytes, bool messages) =>
        Write(sink, timestamp, records, bytes, messages, "overwritten");

    public void Dropped(IRecordSink sink, long timestamp, long records, long bytes, bool messages) =>
        Write(sink, timestamp, records, bytes, messages, "dropped");

    private void Write(IRecordSink sink, long timestamp, long records, long bytes, bool messages, string how)
    {
        if (records <= 0)
        {
            return;
        }

        // Counters come from shared files that may be damaged: a negative size is not news.
        bytes = Math.Max(0, bytes);

        string what = (messages, records == 1) switch
        {
            (true, true) => "warning or error message",
            (true, false) => "warning and error messages",
            (false, true) => "record",
            (false, false) => "records",
        };
        string verb = records == 1 ? "was" : "were";
        Utf8.TryWrite(_line, $"WARNING: {records} {what} ({bytes} bytes) {verb} {how}\n", out int written);
        sink.Message(timestamp, _line.AsSpan(0, written));
    }
}
