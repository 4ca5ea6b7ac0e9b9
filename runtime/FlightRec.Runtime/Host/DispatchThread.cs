using System.Diagnostics;
using FlightRec.Runtime.Execution;
using FlightRec.Runtime.Linux;
using FlightRec.Runtime.Module;
using FlightRec.Runtime.Providers;

namespace FlightRec.Runtime.Host;

/// <summary>
/// One per CPU slot: waits on its own epoll set for its event sources and runs their probes
/// with its own handler context, whose output goes to its CPU's ring. It is the only thread
/// that writes that ring while it runs (the main thread uses CPU 0's context only before
/// <see cref="Start"/> and after <see cref="Join"/>).
/// </summary>
public sealed class DispatchThread : IEventDispatch, IDisposable
{
    private const ulong WakeToken = ulong.MaxValue;

    // Kernel rings wake the thread only every so many bytes (one wake-up per batch, not per event);
    // a quiet stream is drained after this long instead, so a lone event is not held back.
    private const int StreamPollMs = 100;

    // Epoll tokens of streams have this bit set; sources use their index.
    private const ulong StreamBit = 1UL << 62;
    private readonly ScriptSession _session;
    private readonly TextWriter _errors;
    private readonly List<IEventSource> _sources = [];
    private readonly List<IEventStream> _streams = [];
    private readonly EpollEvents _events = new(32);
    private readonly int _epoll;
    private readonly int _wake;
    private Thread? _thread;
    private readonly int? _pinTo;
    private volatile bool _stopping;

    /// <param name="pinTo">The CPU to run on, so that cpu() tells the truth; null: wherever the kernel likes.</param>
    public DispatchThread(int cpu, ScriptSession session, HandlerContext context, TextWriter errors, int? pinTo = null)
    {
        Cpu = cpu;
        _pinTo = pinTo;
        _session = session;
        Context = context;
        _errors = errors;
        _epoll = Epoll.Create();
        _wake = EventFd.Create();
        Epoll.Add(_epoll, _wake, Epoll.EPOLLIN, WakeToken);
    }

    public int Cpu { get; }

    public HandlerContext Context { get; }

    public IReadOnlyList<IEventSource> Sources => _sources;

    public IReadOnlyList<IEventStream> Streams => _streams;

    /// <summary>Takes over a source (before <see cref="Start"/>); the thread disposes it.</summary>
    public void Add(IEventSource source)
    {
        Epoll.Add(_epoll, source.FileDescriptor, Epoll.EPOLLIN, (ulong)_sources.Count);
        _sources.Add(source);
    }

    /// <summary>Takes over a stream (before <see cref="Start"/>); the thread disposes it.</summary>
    public void Add(IEventStream stream)
    {
        Epoll.Add(_epoll, stream.FileDescriptor, Epoll.EPOLLIN, StreamBit | (uint)_streams.Count);
        _streams.Add(stream);
    }

    /// <summary>Runs the handlers of what the streams still hold (after they were disarmed and the thread joined).</summary>
    public void DrainStreams()
    {
        foreach (var stream in _streams)
        {
            stream.Drain(this);
        }
    }

    public void Fire(ProbeDescriptor probe) => _session.Fire(probe, Context);

    public void Start()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = $"frrun cpu{Cpu}" };
        _thread.Start();
    }

    /// <summary>Asks the thread to finish the hit it is handling and return.</summary>
    public void RequestStop()
    {
        _stopping = true;
        EventFd.Signal(_wake);
    }

    public void Join() => _thread?.Join();

    private void Run()
    {
        Context.Probe.Tid = ProcessIds.ThreadId;
        if (_pinTo is int target)
        {
            // Best effort: a CPU we may not use only costs the accuracy of cpu().
            _ = CpuAffinity.PinCurrentThread(target);
        }

        try
        {
            while (!_stopping)
            {
                int ready = Epoll.Wait(_epoll, _events, _streams.Count > 0 ? StreamPollMs : -1);
                if (ready == 0)
                {
                    DrainStreams();
                }

                for (int i = 0; i < ready && !_stopping; i++)
                {
                    ulong token = _events.Data(i);
                    if (token == WakeToken)
                    {
                        continue;
                    }

                    if ((token & StreamBit) != 0)
                    {
                        _streams[(int)(token & ~StreamBit)].Drain(this);
                    }
                    else
                    {
                        Dispatch(_sources[(int)token]);
                    }
                }
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The session survives a broken facility as it survives a script error: say so and stop.
            _errors.WriteLine($"ERROR: dispatch thread for cpu {Cpu} failed: {e.Message}");
            _session.RequestExit();
        }
    }

    private void Dispatch(IEventSource source)
    {
        if (source.Consume())
        {
            Context.Probe.TimestampNanoseconds = Stopwatch.GetTimestamp();
            _session.Fire(source.Probe, Context);
        }
    }

    public void Dispose()
    {
        foreach (var source in _sources)
        {
            source.Dispose();
        }

        foreach (var stream in _streams)
        {
            stream.Dispose();
        }

        FileDescriptors.Close(_wake);
        FileDescriptors.Close(_epoll);
    }
}
