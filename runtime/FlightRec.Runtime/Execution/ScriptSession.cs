using FlightRec.Runtime.Module;
using FlightRec.Runtime.Output;
using FlightRec.Runtime.Tapset;

namespace FlightRec.Runtime.Execution;

/// <summary>
/// Runs one module's probes through SystemTap's session life cycle (LANGUAGE.md §5.8–§5.13):
/// begin probes in order while starting, event probes while running, then end probes — or,
/// after too many errors, error probes instead. It counts errors and skipped probes, reports
/// uncaught errors on the error writer, and enforces MAXERRORS and MAXSKIPPED.
/// Thread-safe for concurrent <see cref="Fire"/> calls from dispatch threads.
/// </summary>
public sealed class ScriptSession : ISessionControl, IDisposable
{
    private readonly ProbeModule _module;
    private readonly IOutputSink _sink;
    private readonly TextWriter _errors;
    private readonly GlobalLocks _locks;
    private readonly Dictionary<ProbeDescriptor, LockPlan> _plans;
    private readonly WarningDeduplicator _warnings = new();
    private readonly object _reportLock = new();
    private int _state = (int)SessionState.Starting;
    private int _errorCount;
    private int _skippedCount;

    public ScriptSession(ProbeModule module, IOutputSink sink, TextWriter errors)
    {
        ProbeModule.CheckCompatible(module);
        _module = module;
        _sink = sink;
        _errors = errors;
        Limits = module.Options.Limits;
        SuppressTimeLimits = module.Options.SuppressTimeLimits;
        _locks = new GlobalLocks(module.Globals.Count, Limits);
        // Keyed by identity: hashing the descriptor record would hash its strings on every
        // event, and two probes with equal descriptors are still two probes.
        _plans = new Dictionary<ProbeDescriptor, LockPlan>(ReferenceEqualityComparer.Instance);
        foreach (var p in module.Probes)
        {
            _plans[p] = p.Kind == ProbeKind.Event ? GlobalLocks.Plan(p.Reads, p.Writes) : LockPlan.None;
        }
    }

    public ScriptLimits Limits { get; }

    /// <summary>thread_indent's per-thread counters, shared by every handler of the session.</summary>
    public IndentBookkeeping Indent { get; } = new();

    public bool SuppressTimeLimits { get; }

    public ProbeModule Module => _module;

    public SessionState State => (SessionState)Volatile.Read(ref _state);

    public int ErrorCount => Volatile.Read(ref _errorCount);

    public int SkippedCount => Volatile.Read(ref _skippedCount);

    /// <summary>A handler context for one dispatch thread, writing to the session's sink.</summary>
    public HandlerContext CreateContext(int cpu) => CreateContext(cpu, _sink);

    /// <summary>A handler context writing to its own sink: a host gives each dispatch thread its CPU's ring.</summary>
    public HandlerContext CreateContext(int cpu, IOutputSink sink) => new(this, new OutputBuffer(sink, Limits.BufferSize), cpu);

    /// <summary>exit(): stop starting or running; the current handler goes on.</summary>
    public void RequestExit()
    {
        Interlocked.CompareExchange(ref _state, (int)SessionState.Stopping, (int)SessionState.Starting);
        Interlocked.CompareExchange(ref _state, (int)SessionState.Stopping, (int)SessionState.Running);
    }

    /// <summary>Initialises globals and runs the begin probes, in order, while the session is starting.</summary>
    public void Start(HandlerContext context) => Start(context, afterInitialize: null);

    /// <summary>
    /// Like <see cref="Start(HandlerContext)"/>, running <paramref name="afterInitialize"/> between
    /// the globals' initialisation and the begin probes: where a host applies <c>name=value</c>.
    /// </summary>
    public void Start(HandlerContext context, Action? afterInitialize)
    {
        _module.InitializeGlobals();
        afterInitialize?.Invoke();
        foreach (var probe in Ordered(ProbeKind.Begin))
        {
            if (State != SessionState.Starting)
            {
                break;
            }

            Run(probe, context);
        }

        Interlocked.CompareExchange(ref _state, (int)SessionState.Running, (int)SessionState.Starting);
    }

    /// <summary>
    /// Runs an event probe if the session is running; returns false when the hit was
    /// dropped (not running) or skipped (locks not available in time).
    /// </summary>
    public bool Fire(ProbeDescriptor probe, HandlerContext context)
    {
        if (State != SessionState.Running)
        {
            return false;
        }

        var plan = _plans[probe];
        if (!_locks.TryEnter(plan))
        {
            Skipped();
            return false;
        }

        try
        {
            Run(probe, context);
        }
        finally
        {
            _locks.Exit(plan);
        }

        return true;
    }

    /// <summary>
    /// Ends the session: end probes after a normal stop, error probes after an error stop
    /// (also when an end probe's error crosses MAXERRORS), then the error summary.
    /// </summary>
    private long _lostEvents;

    public void Stop(HandlerContext context)
    {
        Interlocked.CompareExchange(ref _state, (int)SessionState.Stopping, (int)SessionState.Running);
        Interlocked.CompareExchange(ref _state, (int)SessionState.Stopping, (int)SessionState.Starting);
        if (State == SessionState.Stopping)
        {
            foreach (var probe in Ordered(ProbeKind.End))
            {
                if (State != SessionState.Stopping)
                {
                    break;
                }

                Run(probe, context);
            }
        }

        if (State == SessionState.Error)
        {
            foreach (var probe in Ordered(ProbeKind.Error))
            {
                Run(probe, context);
            }
        }

        Volatile.Write(ref _state, (int)SessionState.Stopped);
        if (ErrorCount > 0 || SkippedCount > 0)
        {
            Report($"WARNING: Number of errors: {ErrorCount}, skipped probes: {SkippedCount}");
        }

        if (LostEvents > 0)
        {
            Report($"WARNING: Number of lost events: {LostEvents}");
        }
    }

    /// <summary>Kernel events that never reached a handler (the kernel's ring was full).</summary>
    public long LostEvents => Interlocked.Read(ref _lostEvents);

    public void CountLostEvents(long lost) => Interlocked.Add(ref _lostEvents, lost);

    /// <summary>abort(): stop like exit(); the caller then ends its handler (AbortException).</summary>
    public void Abort() => RequestExit();

    /// <summary>warn(): "WARNING: msg" on the error stream, each distinct line once (stapio's filter).</summary>
    public void Warn(string message)
    {
        string line = WarningDeduplicator.FormatLine(message);
        if (_warnings.Accept(line, out bool tableFull))
        {
            Report(line.TrimEnd('\n'));
            if (tableFull)
            {
                Report(WarningDeduplicator.TableFullLine.TrimEnd('\n'));
            }
        }
    }

    private IEnumerable<ProbeDescriptor> Ordered(ProbeKind kind) =>
        _module.Probes.Where(p => p.Kind == kind).OrderBy(p => p.Order); // OrderBy is stable: ties keep declaration order.

    private void Run(ProbeDescriptor probe, HandlerContext context)
    {
        context.Reset(probe.Point, probe.Name == probe.Point ? null : probe.Name);
        try
        {
            probe.Handler(context);
        }
        catch (ScriptError e)
        {
            Failed(context, e);
        }
        catch (HandlerAbortedException)
        {
            // abort()/next: the handler ends; abort has already requested shutdown.
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A fault in the module itself (a generated-code bug, a module passing the runtime
            // arguments it cannot take): report it like a script error rather than take the
            // host down.
            string at = FaultLocation.Of(e) is { } location ? $" at {location}" : "";
            Failed(context, new ScriptError($"module fault{at} in probe {context.ProbePoint}: {e.GetType().Name}: {e.Message}"));
        }
        finally
        {
            context.Output.Flush();
        }
    }

    private void Failed(HandlerContext context, ScriptError e)
    {
        int errors = Interlocked.Increment(ref _errorCount);
        if (!_module.Options.SuppressHandlerErrors)
        {
            Report(context.Describe(e));
        }

        if (errors > Limits.MaxErrors && !_module.Options.SuppressHandlerErrors)
        {
            EnterError();
        }
    }

    private void Skipped()
    {
        int skipped = Interlocked.Increment(ref _skippedCount);
        if (skipped > Limits.MaxSkipped && State == SessionState.Running && !_module.Options.SuppressHandlerErrors)
        {
            Report("ERROR: Skipped too many probes, check MAXSKIPPED or try again with frstap -t for more details.");
            EnterError();
        }
    }

    private void EnterError()
    {
        int state;
        do
        {
            state = Volatile.Read(ref _state);
            if (state is (int)SessionState.Error or (int)SessionState.Stopped)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _state, (int)SessionState.Error, state) != state);
    }

    private void Report(string line)
    {
        lock (_reportLock)
        {
            _errors.WriteLine(line);
            _errors.Flush();
        }
    }

    public void Dispose() => _locks.Dispose();
}
