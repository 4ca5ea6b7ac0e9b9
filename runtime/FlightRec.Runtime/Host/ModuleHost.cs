using FlightRec.Runtime.Execution;
using FlightRec.Runtime.Linux;
using FlightRec.Runtime.Module;
using FlightRec.Runtime.Providers;
using FlightRec.Runtime.Transport;

namespace FlightRec.Runtime.Host;

/// <summary>
/// A running module and everything it owns: the session files (header, one ring per CPU, the
/// message ring), the script session, one dispatch thread per CPU with its event sources, and
/// the control socket. <see cref="Start"/> takes it to "probes armed"; <see cref="RunToCompletion"/>
/// waits for a reason to stop, runs the end probes and hands the recording to the consumer.
/// </summary>
internal sealed class ModuleHost
{
    private const long Megabyte = 1024 * 1024;
    private const long MessagesCapacity = Megabyte;
    private const int PollMs = 20;
    private const ulong WakeToken = 0;
    private const ulong TargetToken = 1;

    private readonly SessionPaths _paths;
    private readonly HostOptions _options;
    private readonly List<RingWriter> _rings = [];
    private readonly List<DispatchThread> _threads = [];
    private readonly CancellationTokenSource _stop = new();
    private SessionHeader? _header;
    private RingWriter? _messageRing;
    private MessageWriter? _messages;
    private ScriptSession? _session;
    private ControlServer? _server;
    private int _wake = -1;
    private int _target;
    private bool _threadsRunning;
    private long _consumerStartTime = -1;

    private ModuleHost(SessionPaths paths, HostOptions options, int targetFd)
    {
        _paths = paths;
        _options = options;
        _target = targetFd;
    }

    public string Name => _paths.Name;

    /// <summary>
    /// Creates the session in the claimed directory, runs the begin probes, arms the event
    /// probes and starts the dispatch threads. On failure everything, the directory included, is removed.
    /// </summary>
    public static ModuleHost Start(ProbeModule module, HostOptions options, SessionPaths paths, int targetFd)
    {
        var host = new ModuleHost(paths, options, targetFd);
        try
        {
            host.Create(module);
            return host;
        }
        catch
        {
            host.Release(keepDirectory: false);
            throw;
        }
    }

    /// <summary>Per-CPU ring bytes: --buffer-mb, else the module's option (frstap -s).</summary>
    public static long RingCapacity(ProbeModule module, HostOptions options)
    {
        int mb = options.BufferMegabytes ?? module.Options.BufferSizeMegabytes;
        return mb is >= 1 and <= 4095 ? mb * Megabyte : throw new HostException($"Invalid buffer size '{mb}' (should be 1-4095).");
    }

    private void Create(ProbeModule module)
    {
        int pid = Environment.ProcessId;
        int cpus = Environment.ProcessorCount;
        _consumerStartTime = ProcessStartTime.Of(_options.ConsumerPid);
        long capacity = RingCapacity(module, _options);
        var policy = _options.Overwrite || module.Options.Overwrite ? RingPolicy.Overwrite : RingPolicy.Discard;
        var info = new SessionInfo(_paths.Name, Path.GetFullPath(_options.ModulePath), pid, ProcessStartTime.Of(pid),
            policy, _options.Bulk || module.Options.Bulk, cpus, capacity);
        _header = SessionHeader.Create(_paths.HeaderPath, info);
        for (int cpu = 0; cpu < cpus; cpu++)
        {
            var ring = RingWriter.Create(_paths.RingPath(cpu), cpu, capacity, policy, pid);
            ring.WakeConsumerWhenBehind(_header.Wakeup);
            _rings.Add(ring);
        }

        // Messages keep the newest lines whatever the data policy: the last words matter most after a crash.
        _messageRing = RingWriter.Create(_paths.MessagesPath, -1, MessagesCapacity, RingPolicy.Overwrite, pid);
        _messages = new MessageWriter(_messageRing);
        _session = new ScriptSession(module, _rings[0], _messages);
        for (int cpu = 0; cpu < cpus; cpu++)
        {
            // Not pinned: timers have no CPU of their own, and a pinned thread cannot escape a busy
            // CPU, so it would fall behind (and lose ticks) while others idle. Per-CPU event
            // providers will pin their threads (CpuAffinity).
            var context = _session.CreateContext(cpu, _rings[cpu]);
            HostIdentity.Describe(context.Probe, _options.TargetPid);
            _threads.Add(new DispatchThread(cpu, _session, context, _messages));
        }

        var sources = ProviderRegistry.Default.CreateSources(module);
        for (int i = 0; i < sources.Count; i++)
        {
            // Round robin: two timer probes on a two-CPU machine fire from two threads into two rings.
            _threads[i % cpus].Add(sources[i]);
        }

        // Kernel events of CPU n are handled by thread n, into ring n.
        var streams = ProviderRegistry.Default.CreateStreams(module, _options.TargetPid);
        foreach (var stream in streams)
        {
            _threads[stream.Cpu % cpus].Add(stream);
        }

        _wake = EventFd.Create();
        _server = new ControlServer(_paths.ControlSocketPath, _header, RequestStop);
        _server.Start();

        _session.Start(_threads[0].Context, () => ApplyAssignments(module));
        if (_session.State == SessionState.Running)
        {
            foreach (var source in sources)
            {
                source.Arm();
            }

            foreach (var stream in streams)
            {
                stream.Arm();
            }
        }

        _header.State = HostState.Running;
        foreach (var thread in _threads)
        {
            thread.Start();
        }

        _threadsRunning = true;
    }

    private void ApplyAssignments(ProbeModule module)
    {
        foreach (var assignment in _options.Assignments)
        {
            assignment.ApplyTo(module);
        }
    }

    /// <summary>exit from the control socket, SIGTERM/SIGINT/SIGHUP: stop the module.</summary>
    public void RequestStop()
    {
        _stop.Cancel();
        if (_wake >= 0)
        {
            EventFd.Signal(_wake);
        }
    }

    /// <summary>
    /// Runs until exit(), too many errors, a stop request or the target's exit; then stops the
    /// module and hands over. Returns the exit status (1 if an ERROR line was reported).
    /// </summary>
    public int RunToCompletion()
    {
        using var signals = new StopSignals(RequestStop);
        int code;
        try
        {
            WaitForStop();
            signals.BeginStopping();
            code = Stop();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Nobody sees our stdio any more: the message ring and the header are the only witnesses.
            _messages!.WriteLine($"ERROR: module host failed: {e.GetType().Name}: {e.Message}");
            _header!.ExitCode = 1;
            _header.State = HostState.Failed;
            Release(keepDirectory: true);
            return 1;
        }

        bool attached = _server!.NotifyExited(code) || AwaitLauncher(signals.AbortWait);
        _header!.Wakeup.Wake();
        bool drained = attached && _server.WaitForDone(signals.AbortWait);
        Release(keepDirectory: !drained);
        return code;
    }

    /// <summary>The consumer announced by --consumer has not attached yet: wait while it lives.</summary>
    private bool AwaitLauncher(CancellationToken abort)
    {
        if (_options.ConsumerPid == 0 || _server!.EverAttached)
        {
            return false;
        }

        return _server.WaitForConsumer(() => ProcessStartTime.IsAlive(_options.ConsumerPid, _consumerStartTime), abort);
    }

    // The header carries the count so that frrun -l and -D report it, even after a crash.
    private long PublishLostEvents()
    {
        long lost = _threads.SelectMany(t => t.Streams).Sum(s => s.Lost);
        _header!.LostEvents = lost;
        return lost;
    }

    private void WaitForStop()
    {
        int epoll = Epoll.Create();
        try
        {
            Epoll.Add(epoll, _wake, Epoll.EPOLLIN, WakeToken);
            if (_target >= 0)
            {
                Epoll.Add(epoll, _target, Epoll.EPOLLIN, TargetToken);
            }

            var events = new EpollEvents(4);
            // The session state is polled: exit() and MAXERRORS change it from inside a handler.
            while (!_stop.IsCancellationRequested && _session!.State == SessionState.Running)
            {
                int ready = Epoll.Wait(epoll, events, PollMs);
                PublishLostEvents();
                for (int i = 0; i < ready; i++)
                {
                    if (events.Data(i) == TargetToken)
                    {
                        return;
                    }
                }
            }
        }
        finally
        {
            FileDescriptors.Close(epoll);
        }
    }

    private int Stop()
    {
        _header!.State = HostState.Stopping;
        foreach (var stream in _threads.SelectMany(t => t.Streams))
        {
            stream.Disarm();
        }

        foreach (var thread in _threads)
        {
            thread.RequestStop();
        }

        foreach (var thread in _threads)
        {
            thread.Join();
        }

        _threadsRunning = false;

        // What the kernel recorded before the stop is still handled (a -c command's last syscalls
        // count) — unless exit() already ended the session, after which stap runs no handler.
        foreach (var thread in _threads)
        {
            thread.DrainStreams();
        }

        _session!.CountLostEvents(PublishLostEvents());

        _session!.RequestExit();
        var context = _threads[0].Context;
        context.Probe.Tid = ProcessIds.ThreadId;
        _session.Stop(context);
        _messages!.Flush();
        int code = _messages.SawError ? 1 : 0;
        foreach (var ring in _rings)
        {
            ring.MarkClosed();
        }

        _messageRing!.MarkClosed();
        _header.ExitCode = code;
        _header.State = HostState.Exited;
        return code;
    }

    private void Release(bool keepDirectory)
    {
        if (_threadsRunning)
        {
            _session?.RequestExit();
            foreach (var thread in _threads)
            {
                thread.RequestStop();
                thread.Join();
            }

            _threadsRunning = false;
        }

        _server?.Dispose();
        foreach (var thread in _threads)
        {
            thread.Dispose();
        }

        _session?.Dispose();
        _messages?.Dispose();
        _messageRing?.Dispose();
        foreach (var ring in _rings)
        {
            ring.Dispose();
        }

        _header?.Dispose();
        CloseDescriptor(ref _wake);
        CloseDescriptor(ref _target);
        if (!keepDirectory)
        {
            _paths.Delete();
        }

        _stop.Dispose();
    }

    private static void CloseDescriptor(ref int fd)
    {
        if (fd >= 0)
        {
            FileDescriptors.Close(fd);
            fd = -1;
        }
    }
}
