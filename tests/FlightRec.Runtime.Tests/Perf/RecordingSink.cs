using FlightRec.Runtime.Providers.Perf;

namespace FlightRec.Runtime.Tests.Perf;

/// <summary>A sink that keeps copies of what it is given (tests may allocate; the ring does not).</summary>
internal sealed class RecordingSink : IPerfSampleSink
{
    public List<RecordedSample> Samples { get; } = [];

    public List<(ulong Id, ulong Lost)> LostNotices { get; } = [];

    public ulong LostTotal => LostNotices.Aggregate(0UL, (sum, notice) => sum + notice.Lost);

    public void OnSample(in PerfSample sample) =>
        Samples.Add(new RecordedSample(sample.Id, sample.EventIndex, sample.Pid, sample.Tid, sample.TimeNanoseconds, sample.Cpu, sample.Period, sample.Raw.ToArray()));

    public void OnLost(ulong id, ulong lost) => LostNotices.Add((id, lost));
}

internal sealed record RecordedSample(ulong Id, int EventIndex, int Pid, int Tid, long TimeNanoseconds, int Cpu, ulong Period, byte[] Raw);
