using System.Text;

namespace FlightRec.Runtime.Providers.Processes;

/// <summary>
/// Decides which <c>process….begin/end</c> probes an event fires, for all CPUs of a module (its
/// state is shared, so the per-CPU threads take turns under one lock; handlers run inside it,
/// which serialises process handlers — these events are rare). What it implements (stap's task
/// finder, LANGUAGE.md §8.3):
/// <list type="bullet">
/// <item>begin: a new process (fork without CLONE_THREAD) whose parent is a member — for the
/// bare form every user process, or with a target (-c/-x) the target's descendants; for a PATH
/// the children of processes running PATH; and an exec of PATH. Once at startup for every
/// running matching process (bare form without a target: every user process; PATH: those
/// running it; PID: that process), never for kernel threads.</item>
/// <item>end: the last thread of a member exits (group_dead), or a member execs (its image
/// ends; the tree and a PATH that still matches report a new begin at once, as stap does).</item>
/// <item>with a target the target itself is the tree's root and is reported neither at startup
/// nor at its exit: it was created before the probes were armed, and reporting its end without
/// its begin would leave counts unpaired.</item>
/// </list>
/// Events of different CPUs are drained in any order; a child's exec, exit or fork drained before
/// the fork that made it a member waits in <see cref="PendingProcessEvents"/> and is judged by its
/// own time when the fork arrives.
/// </summary>
public sealed class ProcessTracker
{
    private const ulong CloneThread = 0x10000;
    private const int Kthreadd = 2;

    private readonly Lock _gate = new();
    private readonly List<ProcessSelectorGroup> _groups = [];
    private readonly HashSet<int> _kernelThreads = [];
    private readonly PendingProcessEvents _pending = new();
    private readonly bool _anyFollows;
    private readonly bool _treeExecs;
    private bool _started;
    private int _target;
    private long _targetExit = long.MaxValue;
    private long _latest;
    private long _pruneAt;

    /// <param name="probes">The module's process probes; a hit names its probe by index in this list.</param>
    public ProcessTracker(IReadOnlyList<ProcessProbePoint> probes)
    {
        Probes = probes;
        foreach (var selector in probes.Select(p => (p.Kind, p.Path, p.Pid)).Distinct())
        {
            int[] Indexes(ProcessProbeEvent kind) =>
                [.. Enumerable.Range(0, probes.Count).Where(i => (probes[i].Kind, probes[i].Path, probes[i].Pid) == selector && probes[i].Event == kind)];
            _groups.Add(new ProcessSelectorGroup(selector.Kind, selector.Path, selector.Pid,
                Indexes(ProcessProbeEvent.Begin), Indexes(ProcessProbeEvent.End), Indexes(ProcessProbeEvent.Exec)));
        }

        // Only selectors that gain members after startup can be waiting for a late fork.
        _anyFollows = _groups.Exists(g => g.FollowsForks);
        _treeExecs = _groups.Exists(g => g.Kind == ProcessSelectorKind.All && g.Exec.Length > 0);
    }

    public IReadOnlyList<ProcessProbePoint> Probes { get; }

    public bool Started => Volatile.Read(ref _started);

    /// <summary>
    /// Takes the startup scan and the target (0: none), and reports the startup begins. Called
    /// once, by the first dispatch thread to drain, before any event is judged.
    /// </summary>
    public void Start(int target, IReadOnlyList<RunningProcess> running, long scanTime, int cpu, IProcessHitSink sink)
    {
        lock (_gate)
        {
            if (_started)
            {
                return;
            }

            _target = target;
            _latest = scanTime;
            foreach (var process in running.Where(p => p.IsKernelThread))
            {
                _kernelThreads.Add(process.Pid);
            }

            foreach (var group in _groups)
            {
                foreach (var process in running.Where(p => !p.IsKernelThread && MatchesAtStartup(group, p)))
                {
                    Join(group, new ProcessHit(process.Pid, process.Pid, Comm(process.Comm), cpu, scanTime), sink);
                }
            }

            Volatile.Write(ref _started, true);
        }
    }

    /// <summary>task:task_newtask, seen in the parent's context: <paramref name="parent"/> is its process id.</summary>
    public void OnNewTask(int parent, int child, ulong cloneFlags, TaskComm comm, long time, int cpu, IProcessHitSink sink)
    {
        if ((cloneFlags & CloneThread) != 0)
        {
            return;
        }

        lock (_gate)
        {
            Advance(time);
            if (parent is 0 or Kthreadd || _kernelThreads.Contains(parent))
            {
                _kernelThreads.Add(child);
                return;
            }

            var hit = new ProcessHit(child, child, comm, cpu, time);
            bool known = false;
            foreach (var group in _groups)
            {
                if (group.FollowsForks && ParentQualifies(group, parent, time))
                {
                    known = true;
                    if (!group.Members.IsAlive(child))
                    {
                        Join(group, hit, sink);
                    }
                }
            }

            if (!known && _anyFollows)
            {
                _pending.AddFork(child, new PendingProcessEvents.PendingFork(parent, comm, cpu, time));
            }
        }
    }

    /// <summary>
    /// sched:sched_process_exec: <paramref name="filename"/> as given to execve (may be relative or a
    /// link); <paramref name="record"/> the raw event, for exec probes' <c>$filename</c>.
    /// </summary>
    public void OnExec(int pid, int tid, ReadOnlySpan<byte> filename, long time, int cpu, IProcessHitSink sink, ReadOnlySpan<byte> record = default)
    {
        lock (_gate)
        {
            Advance(time);
            bool wasKernelThread = _kernelThreads.Remove(pid); // a usermode helper becomes a user process
            var image = new ProcessHit(pid, tid, BaseNameComm(filename), cpu, time);
            string? resolved = null;
            bool unknown = false;
            foreach (var group in _groups)
            {
                unknown |= group.FollowsForks && !group.Members.IsAlive(pid);
                bool matches = group.Kind == ProcessSelectorKind.Path && Matches(group, filename, pid, ref resolved);
                if (group.Members.TryGet(pid, out var member) && member.Until == long.MaxValue)
                {
                    group.Members.Leave(pid, time);
                    FireAll(group.End, new ProcessHit(pid, tid, member.Comm, cpu, time), sink);
                    if (group.Kind != ProcessSelectorKind.Path || matches)
                    {
                        FireExecs(group.Exec, image, record, sink);
                    }

                    if (group.RejoinsOnExec(matches))
                    {
                        Join(group, image, sink);
                    }

                    continue;
                }

                bool helper = wasKernelThread && group.Kind == ProcessSelectorKind.All && _target == 0;
                if (ExecFiresOutside(group, pid, matches, time) || helper)
                {
                    FireExecs(group.Exec, image, record, sink);
                }

                if (matches || helper)
                {
                    Join(group, image, sink);
                }
            }

            if (unknown && _anyFollows)
            {
                // Kept for the tree's exec probes, which may fire when the fork arrives: the one copy a late exec costs.
                byte[]? kept = _treeExecs && !record.IsEmpty ? record.ToArray() : null;
                _pending.AddExec(pid, new PendingProcessEvents.PendingExec(tid, image.Comm, cpu, time, kept));
            }
        }
    }

    /// <summary>sched:sched_process_exit: <paramref name="groupDead"/> when the last thread of the process exits.</summary>
    public void OnExit(int pid, int tid, TaskComm comm, bool groupDead, long time, int cpu, IProcessHitSink sink)
    {
        if (!groupDead)
        {
            return;
        }

        lock (_gate)
        {
            Advance(time);
            if (_kernelThreads.Remove(pid))
            {
                return;
            }

            if (pid == _target)
            {
                _targetExit = time;
                return;
            }

            var hit = new ProcessHit(pid, tid, comm, cpu, time);
            bool known = false;
            foreach (var group in _groups)
            {
                if (group.Members.Leave(pid, time))
                {
                    known = true;
                    FireAll(group.End, hit, sink);
                }
            }

            if (!known && _anyFollows)
            {
                _pending.AddExit(pid, new PendingProcessEvents.PendingExit(tid, comm, cpu, time));
            }
        }
    }

    private bool MatchesAtStartup(ProcessSelectorGroup group, RunningProcess process) => group.Kind switch
    {
        // With a target nothing runs in its tree yet but the target itself, which is not reported.
        ProcessSelectorKind.All => _target == 0,
        ProcessSelectorKind.Path => process.Executable == group.Path,
        _ => process.Pid == group.Pid,
    };

    /// <summary>
    /// Whether an exec of a process that is not a live member fires the selector's exec probes: a
    /// PATH when the new image is PATH, a PID when it is that process (after its first exec too),
    /// the tree for the target itself. A tree member's exec drained before its fork fires when
    /// the fork arrives (<see cref="Join"/>).
    /// </summary>
    private bool ExecFiresOutside(ProcessSelectorGroup group, int pid, bool matches, long time) => group.Kind switch
    {
        ProcessSelectorKind.Path => matches,
        ProcessSelectorKind.Pid => pid == group.Pid,
        _ => _target != 0 && pid == _target && time <= _targetExit,
    };

    private bool ParentQualifies(ProcessSelectorGroup group, int parent, long time)
    {
        if (group.Kind == ProcessSelectorKind.All && _target == 0)
        {
            return true; // kernel threads were excluded by the caller
        }

        if (group.Kind == ProcessSelectorKind.All && parent == _target)
        {
            return time <= _targetExit;
        }

        return group.Members.WasMemberAt(parent, time);
    }

    /// <summary>
    /// Reports a begin, then what was waiting for this process: the forks it made, and its exec
    /// or exit. An exec after the begin ends this image; the tree fires its exec probes and begins
    /// the new image at once (a PATH whose new image matched began it and fired its exec probes
    /// when the exec was drained, so it does not here).
    /// </summary>
    private void Join(ProcessSelectorGroup group, in ProcessHit hit, IProcessHitSink sink)
    {
        long since = hit.TimeNanoseconds;
        group.Members.Join(hit.Pid, since, hit.Comm);
        FireAll(group.Begin, hit, sink);
        bool exited = _pending.TryGetExit(hit.Pid, out var exit) && exit.Time >= since;

        // Strictly after: the exec that began this very image is not its end.
        bool execed = _pending.TryGetExec(hit.Pid, out var exec) && exec.Time > since && (!exited || exec.Time <= exit.Time);
        long until = execed ? exec.Time : exited ? exit.Time : long.MaxValue;
        if (group.FollowsForks)
        {
            foreach (var (child, fork) in _pending.Forks)
            {
                if (fork.Parent == hit.Pid && fork.Time >= since && fork.Time <= until && !group.Members.IsAlive(child))
                {
                    Join(group, new ProcessHit(child, child, fork.Comm, fork.Cpu, fork.Time), sink);
                }
            }
        }

        if (execed)
        {
            if (group.Members.Leave(hit.Pid, exec.Time))
            {
                FireAll(group.End, new ProcessHit(hit.Pid, exec.Tid, hit.Comm, exec.Cpu, exec.Time), sink);
                if (group.RejoinsOnExec(executableMatches: false))
                {
                    var image = new ProcessHit(hit.Pid, exec.Tid, exec.Comm, exec.Cpu, exec.Time);
                    FireExecs(group.Exec, image, exec.Record, sink);
                    Join(group, image, sink);
                }
            }
        }
        else if (exited && group.Members.Leave(hit.Pid, exit.Time))
        {
            FireAll(group.End, new ProcessHit(hit.Pid, exit.Tid, exit.Comm, exit.Cpu, exit.Time), sink);
        }
    }

    private static void FireAll(int[] probes, in ProcessHit hit, IProcessHitSink sink)
    {
        foreach (int probe in probes)
        {
            sink.Fire(probe, hit);
        }
    }

    private static void FireExecs(int[] probes, in ProcessHit hit, ReadOnlySpan<byte> record, IProcessHitSink sink)
    {
        foreach (int probe in probes)
        {
            sink.FireExec(probe, hit, record);
        }
    }

    /// <summary>Keeps the newest event time and, every so often, forgets what is too old to pair.</summary>
    private void Advance(long time)
    {
        if (time > _latest)
        {
            _latest = time;
        }

        if (_latest >= _pruneAt)
        {
            _pruneAt = _latest + PendingProcessEvents.WindowNanoseconds;
            _pending.Prune(_latest);
            foreach (var group in _groups)
            {
                group.Members.Prune(_latest - PendingProcessEvents.WindowNanoseconds);
            }
        }
    }

    /// <summary>
    /// Whether the exec'd file is <paramref name="path"/>: the bytes as given first (no allocation),
    /// else the file made canonical — from the name when absolute, else from /proc/PID/exe while
    /// the process lives (a relative name of a process already gone cannot be resolved).
    /// </summary>
    private static bool Matches(ProcessSelectorGroup group, ReadOnlySpan<byte> filename, int pid, ref string? resolved)
    {
        if (filename.SequenceEqual(group.PathBytes))
        {
            return true;
        }

        resolved ??= Resolve(filename, pid);
        return resolved == group.Path;
    }

    private static string Resolve(ReadOnlySpan<byte> filename, int pid)
    {
        string name = Encoding.UTF8.GetString(filename);
        if (name.StartsWith('/'))
        {
            return ExecutablePath.Canonical(name) ?? name;
        }

        return RunningProcesses.Read($"/proc/{pid}", pid)?.Executable ?? name;
    }

    /// <summary>The comm the kernel gives an exec'd process: the file's base name, 15 bytes at most.</summary>
    private static TaskComm BaseNameComm(ReadOnlySpan<byte> filename)
    {
        int slash = filename.LastIndexOf((byte)'/');
        return TaskComm.From(slash < 0 ? filename : filename[(slash + 1)..]);
    }

    private static TaskComm Comm(string text)
    {
        Span<byte> bytes = stackalloc byte[64];
        int length = Encoding.UTF8.GetBytes(text.AsSpan(0, Math.Min(text.Length, TaskComm.Length - 1)), bytes);
        return TaskComm.From(bytes[..length]);
    }
}
