namespace FlightRec.Runtime.Providers.Perf;

/// <summary>Receives the records a <see cref="PerfCpuRing"/> drains, on the draining thread.</summary>
public interface IPerfSampleSink
{
    void OnSample(in PerfSample sample);

    /// <summary>
    /// PERF_RECORD_LOST: <paramref name="lost"/> records did not fit in the ring. The count is for the
    /// whole ring (all events redirected into it); <paramref name="id"/> is the event whose write
    /// carried the notice, not necessarily the one that lost records.
    /// </summary>
    void OnLost(ulong id, ulong lost);
}
