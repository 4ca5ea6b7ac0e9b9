using FlightRec.Runtime.Linux;
using FlightRec.Runtime.Module;

namespace FlightRec.Runtime.Providers;

/// <summary>
/// A timer probe on a timerfd. A fixed period is a periodic timer; a randomized one is re-armed
/// as a one-shot with a fresh random interval after every expiry, as stap's hrtimer re-arms
/// with interval ± random. Expirations missed while the handler ran are not replayed
/// (stap: "succeeding timer probes can get skipped").
/// </summary>
public sealed class TimerSource : IEventSource
{
    private readonly Random _random;

    public TimerSource(ProbeDescriptor probe, TimerSpec spec)
    {
        Probe = probe;
        Spec = spec;
        _random = new Random();
        FileDescriptor = TimerFd.Create();
    }

    public ProbeDescriptor Probe { get; }

    public TimerSpec Spec { get; }

    public int FileDescriptor { get; private set; }

    public void Arm()
    {
        long first = Spec.NextPeriod(_random);
        TimerFd.Arm(FileDescriptor, first, Spec.RandomizeNanoseconds == 0 ? Spec.PeriodNanoseconds : 0);
    }

    public bool Consume()
    {
        if (TimerFd.ReadExpirations(FileDescriptor) == 0)
        {
            return false;
        }

        if (Spec.RandomizeNanoseconds != 0)
        {
            TimerFd.Arm(FileDescriptor, Spec.NextPeriod(_random), 0);
        }

        return true;
    }

    public void Dispose()
    {
        if (FileDescriptor >= 0)
        {
            FileDescriptors.Close(FileDescriptor);
            FileDescriptor = -1;
        }
    }
}
