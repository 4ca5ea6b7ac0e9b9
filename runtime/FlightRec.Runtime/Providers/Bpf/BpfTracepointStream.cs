using System.Buffers.Binary;
using System.Text;
using FlightRec.Runtime.Context;
using FlightRec.Runtime.Module;

namespace FlightRec.Runtime.Providers.Bpf;

/// <summary>
/// Tracepoint probes whose handlers read user strings, captured by eBPF programs at the moment
/// of the event (LANGUAGE.md §8.3): the record, the task's comm and the strings its pointer
/// fields point to go into one BPF ring buffer, drained by one dispatch thread. Handlers see
/// the event's pid, tid, CPU, comm and time, and <c>user_string()</c> of a captured pointer
/// returns the captured text.
/// </summary>
internal sealed class BpfTracepointStream : IEventStream, IBpfRecordSink
{
    private readonly BpfCaptureChannel _channel;
    private readonly IReadOnlyList<ProbeDescriptor> _probes;
    private readonly TracepointEventLayout[] _layouts;
    private readonly TracepointCaptureSpec[] _specs;
    private readonly int[] _tracepointIds;
    private readonly int?[] _exitTracepointIds;
    private readonly IReadOnlyList<SyscallGroupPlan> _groups;
    private readonly HashSet<int> _grouped;
    private readonly List<IDisposable> _attached = [];
    private readonly TracepointEvent _event = new();
    private readonly CapturedStrings _strings = new();
    private readonly Dictionary<int, string> _names = [];
    private IEventDispatch? _dispatch;
    private EventClock? _clock;
    private long _lostAtDisarm = -1;

    public BpfTracepointStream(BpfCaptureChannel channel, IReadOnlyList<ProbeDescriptor> probes, TracepointEventLayout[] layouts,
        TracepointCaptureSpec[] specs, int[] tracepointIds, int?[] exitTracepointIds, IReadOnlyList<SyscallGroupPlan>? groups = null)
    {
        _groups = groups ?? [];
        _grouped = [.. _groups.SelectMany(g => g.Members.Select(m => m.ProbeIndex))];
        _channel = channel;
        _probes = probes;
        _layouts = layouts;
        _specs = specs;
        _tracepointIds = tracepointIds;
        _exitTracepointIds = exitTracepointIds;
    }

    /// <summary>One ring for every CPU: its thread is the first dispatch thread's.</summary>
    public int Cpu => 0;

    public int FileDescriptor => _channel.Reader.FileDescriptor;

    public long Lost => _lostAtDisarm >= 0 ? _lostAtDisarm : _channel.ReadLost();

    public void Arm()
    {
        // Syscall groups first (entry before exit: see SyscallGrouping), then each other probe on its own tracepoint.
        foreach (var group in _groups)
        {
            _attached.Add(SyscallGroupCapture.Attach(_channel, group));
        }

        for (int i = 0; i < _specs.Length; i++)
        {
            if (_grouped.Contains(i))
            {
                continue;
            }

            _attached.Add(TracepointCaptureProbe.Attach(_channel, _tracepointIds[i], _specs[i], _exitTracepointIds[i]));
        }
    }

    public void Disarm()
    {
        foreach (var probe in _attached)
        {
            probe.Dispose();
        }

        _attached.Clear();
        _lostAtDisarm = _channel.ReadLost();
    }

    public void Drain(IEventDispatch dispatch)
    {
        var probe = dispatch.Context.Probe;
        var saved = HostIdentitySnapshot.Take(probe, ref _clock);
        _dispatch = dispatch;
        try
        {
            _channel.Reader.Drain(this);
        }
        finally
        {
            _dispatch = null;
            saved.Restore(probe);
        }
    }

    public void OnRecord(ReadOnlySpan<byte> data)
    {
        var record = new TracepointCaptureRecord(data);
        int index = record.ProbeIndex;
        if ((uint)index >= (uint)_probes.Count || _dispatch is not { } dispatch)
        {
            return;
        }

        var probe = dispatch.Context.Probe;
        var raw = record.TracepointRecord;
        _event.Load(raw, _layouts[index]);
        _strings.Clear(record.ProcessId);
        var offsets = _specs[index].UserStringOffsets;
        for (int i = 0; i < offsets.Length; i++)
        {
            if (record.TryGetString(i, out var text))
            {
                _strings.Add(BinaryPrimitives.ReadInt64LittleEndian(raw[offsets[i]..]), text);
            }
        }

        probe.Event = _event;
        probe.UserMemory = _strings;
        probe.Pid = record.ProcessId;
        probe.Tid = record.ThreadId;
        probe.Cpu = record.Cpu;
        probe.Uid = record.UserId;
        probe.Gid = record.GroupId;
        probe.EventIdsCaptured = true;
        probe.TimestampNanoseconds = record.Timestamp;
        _clock!.EventNanoseconds = record.Timestamp;
        probe.ExecName = Name(record.Comm);
        dispatch.Fire(_probes[index]);
    }

    // Comms repeat: reuse the strings made so far rather than make one per event.
    private string Name(ReadOnlySpan<byte> comm)
    {
        int key = 17;
        foreach (byte b in comm)
        {
            key = (key * 31) + b;
        }

        if (_names.TryGetValue(key, out var known) && known.Length == comm.Length && Matches(known, comm))
        {
            return known;
        }

        if (_names.Count > 4096)
        {
            _names.Clear();
        }

        return _names[key] = Encoding.Latin1.GetString(comm);
    }

    private static bool Matches(string known, ReadOnlySpan<byte> comm)
    {
        for (int i = 0; i < comm.Length; i++)
        {
            if (known[i] != comm[i])
            {
                return false;
            }
        }

        return true;
    }

    public void Dispose()
    {
        Disarm();
        _channel.Dispose();
    }
}
