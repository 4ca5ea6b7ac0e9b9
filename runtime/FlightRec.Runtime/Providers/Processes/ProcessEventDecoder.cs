using System.Runtime.InteropServices;
using FlightRec.Runtime.Providers.Perf;
using FlightRec.Runtime.Providers.Tracepoints;

namespace FlightRec.Runtime.Providers.Processes;

/// <summary>
/// Reads the samples of the three process tracepoints (in <see cref="Specs"/> order) and hands
/// them to the <see cref="ProcessTracker"/>, which fires probes into <see cref="Sink"/>. Reading a
/// record allocates nothing; a record too short for its fields is skipped. Records are in the machine's byte order.
/// </summary>
public sealed class ProcessEventDecoder(ProcessEventFormats formats, ProcessTracker tracker) : IPerfSampleSink
{
    public const int NewTaskIndex = 0;
    public const int ExecIndex = 1;
    public const int ExitIndex = 2;

    public ProcessTracker Tracker { get; } = tracker;

    /// <summary>Where hits go during a drain.</summary>
    public IProcessHitSink? Sink { get; set; }

    /// <summary>Records the kernel could not deliver.</summary>
    public long Lost { get; private set; }

    /// <summary>The perf events to open, in the index order this decoder reads.</summary>
    public static IReadOnlyList<PerfEventSpec> Specs(ProcessEventFormats formats) =>
    [
        PerfEventSpec.Tracepoint(formats.NewTask.FullName, (ulong)formats.NewTask.Id),
        PerfEventSpec.Tracepoint(formats.Exec.FullName, (ulong)formats.Exec.Id),
        PerfEventSpec.Tracepoint(formats.Exit.FullName, (ulong)formats.Exit.Id),
    ];

    public void OnSample(in PerfSample sample)
    {
        if (Sink is not { } sink)
        {
            return;
        }

        var raw = sample.Raw;
        switch (sample.EventIndex)
        {
            case NewTaskIndex when Fits(raw, formats.ChildPid) && Fits(raw, formats.ChildComm) && Fits(raw, formats.CloneFlags):
                Tracker.OnNewTask(sample.Pid, (int)Integer(raw, formats.ChildPid), Integer(raw, formats.CloneFlags),
                    TaskComm.From(Bytes(raw, formats.ChildComm)), sample.TimeNanoseconds, sample.Cpu, sink);
                break;
            case ExecIndex when Fits(raw, formats.Filename):
                Tracker.OnExec(sample.Pid, sample.Tid, DataLoc(raw, formats.Filename), sample.TimeNanoseconds, sample.Cpu, sink, raw);
                break;
            case ExitIndex when Fits(raw, formats.ExitComm):
                bool groupDead = formats.GroupDead is { } field
                    ? Fits(raw, field) && Integer(raw, field) != 0
                    : sample.Pid == sample.Tid;
                Tracker.OnExit(sample.Pid, sample.Tid, TaskComm.From(Bytes(raw, formats.ExitComm)), groupDead,
                    sample.TimeNanoseconds, sample.Cpu, sink);
                break;
        }
    }

    public void OnLost(ulong id, ulong lost) => Lost += (long)lost;

    private static bool Fits(ReadOnlySpan<byte> raw, TracepointField field) => field.Offset + field.Size <= raw.Length;

    private static ReadOnlySpan<byte> Bytes(ReadOnlySpan<byte> raw, TracepointField field) => raw.Slice(field.Offset, field.Size);

    private static ulong Integer(ReadOnlySpan<byte> raw, TracepointField field)
    {
        var bytes = Bytes(raw, field);
        return field.Size switch
        {
            1 => bytes[0],
            2 => MemoryMarshal.Read<ushort>(bytes),
            4 => MemoryMarshal.Read<uint>(bytes),
            _ => MemoryMarshal.Read<ulong>(bytes),
        };
    }

    /// <summary>A <c>__data_loc</c>/<c>__rel_loc char[]</c>: u32 with the offset in its low half, the length (NUL included) in its high half.</summary>
    private static ReadOnlySpan<byte> DataLoc(ReadOnlySpan<byte> raw, TracepointField field)
    {
        uint loc = (uint)Integer(raw, field);
        int offset = (int)(loc & 0xffff) + (field.IsRelativeLoc ? field.Offset + field.Size : 0);
        int length = (int)(loc >> 16);
        if (offset + length > raw.Length)
        {
            return [];
        }

        var text = raw.Slice(offset, length);
        int end = text.IndexOf((byte)0);
        return end < 0 ? text : text[..end];
    }
}
