using FlightRec.Runtime.Providers.Bpf;

namespace FlightRec.Runtime.Tests.Bpf;

internal sealed class CollectingSink : IBpfRecordSink
{
    public List<CapturedEvent> Events { get; } = [];

    public void OnRecord(ReadOnlySpan<byte> record) => Events.Add(CapturedEvent.From(record));
}
