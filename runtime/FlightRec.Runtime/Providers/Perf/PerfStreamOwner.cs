namespace FlightRec.Runtime.Providers.Perf;

/// <summary>
/// The perf events behind a provider's per-CPU streams: enabled with the first stream armed,
/// disabled with the first disarmed (all at once, so no CPU starts earlier or stops later than the
/// others), and closed when the last stream is disposed.
/// </summary>
internal sealed class PerfStreamOwner(PerfEventSet events)
{
    private readonly Lock _gate = new();
    private int _references = events.Rings.Count;
    private bool _armed;
    private bool _disarmed;

    public PerfEventSet Events => events;

    /// <summary>True once the events are stopped: their counts no longer change.</summary>
    public bool Disarmed
    {
        get
        {
            lock (_gate)
            {
                return _disarmed;
            }
        }
    }

    public void Arm()
    {
        lock (_gate)
        {
            if (!_armed)
            {
                _armed = true;
                events.Enable();
            }
        }
    }

    public void Disarm()
    {
        lock (_gate)
        {
            if (_armed && !_disarmed)
            {
                _disarmed = true;
                events.Disable();
            }
        }
    }

    public void Release()
    {
        lock (_gate)
        {
            if (--_references == 0)
            {
                events.Dispose();
            }
        }
    }
}
