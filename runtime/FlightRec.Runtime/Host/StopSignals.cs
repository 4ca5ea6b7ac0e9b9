using System.Runtime.InteropServices;

namespace FlightRec.Runtime.Host;

/// <summary>
/// SIGTERM, SIGINT and SIGHUP sent to the host: the first stops the module (end probes run,
/// output is kept); one arriving once the host is already stopping gives up waiting for the
/// consumer, so a stuck consumer cannot keep the host alive (stapio's repeated-signal rule).
/// </summary>
internal sealed class StopSignals : IDisposable
{
    private readonly List<PosixSignalRegistration> _registrations = [];
    private readonly CancellationTokenSource _abortWait = new();
    private readonly Action _stop;
    private volatile bool _stopping;

    public StopSignals(Action stop)
    {
        _stop = stop;
        foreach (var signal in new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT, PosixSignal.SIGHUP })
        {
            _registrations.Add(PosixSignalRegistration.Create(signal, OnSignal));
        }
    }

    /// <summary>Cancelled by a signal that arrives after <see cref="BeginStopping"/>.</summary>
    public CancellationToken AbortWait => _abortWait.Token;

    public void BeginStopping() => _stopping = true;

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        if (_stopping)
        {
            _abortWait.Cancel();
        }
        else
        {
            _stop();
        }
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _abortWait.Dispose();
    }
}
