namespace FlightRec.Runtime.Providers.Processes;

/// <summary>Runs the probe with index <c>probe</c> (in the provider's probe list) for a hit, on the calling dispatch thread.</summary>
public interface IProcessHitSink
{
    void Fire(int probe, in ProcessHit hit);
}
