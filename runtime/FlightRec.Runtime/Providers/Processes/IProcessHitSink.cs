namespace FlightRec.Runtime.Providers.Processes;

/// <summary>Runs the probe with index <c>probe</c> (in the provider's probe list) for a hit, on the calling dispatch thread.</summary>
public interface IProcessHitSink
{
    void Fire(int probe, in ProcessHit hit);

    /// <summary>An exec probe's hit, with the sched:sched_process_exec record its <c>$filename</c> is read from (empty when not kept).</summary>
    void FireExec(int probe, in ProcessHit hit, ReadOnlySpan<byte> record);
}
