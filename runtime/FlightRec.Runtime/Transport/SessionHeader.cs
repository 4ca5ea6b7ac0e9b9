using System.Text;

namespace FlightRec.Runtime.Transport;

/// <summary>
/// The session file: a 4 KiB shared page naming the module and its host, the ring geometry
/// and policy, and the live state (host state, exit code, attached consumer). The host
/// updates it in place; consumers, dumps and listings read it, also after the host died.
/// </summary>
public sealed unsafe class SessionHeader : IDisposable
{
    private const ulong Magic = 0x3130535345535246; // the bytes "FRSESS01"
    private const int Version = 1;
    private const int Size = 4096;
    private const int MagicOffset = 0;
    private const int VersionOffset = 8;
    private const int StateOffset = 12;
    private const int HostPidOffset = 16;
    private const int ExitCodeOffset = 20;
    private const int HostStartTimeOffset = 24;
    private const int PolicyOffset = 32;
    private const int BulkOffset = 36;
    private const int CpuCountOffset = 40;
    private const int ConsumerPidOffset = 44;
    private const int RingCapacityOffset = 48;
    private const int LostEventsOffset = 56;
    private const int NameOffset = 64;
    private const int NameSpace = 256;
    private const int PathOffset = NameOffset + NameSpace;
    private const int WakeSequenceOffset = Size - 64;
    private const int PathSpace = WakeSequenceOffset - PathOffset;
    private const int MaxCpus = 4096;

    private readonly MappedFile _file;
    private readonly byte* _page;

    private SessionHeader(MappedFile file, SessionInfo info)
    {
        _file = file;
        _page = file.Pointer;
        Info = info;
    }

    public SessionInfo Info { get; }

    /// <summary>How the host wakes a consumer sleeping on this session (the word lives in this page's last cache line).</summary>
    public ConsumerWakeup Wakeup => new((int*)(_page + WakeSequenceOffset));

    public HostState State
    {
        get => (HostState)Volatile.Read(ref *(int*)(_page + StateOffset));
        set => Volatile.Write(ref *(int*)(_page + StateOffset), (int)value);
    }

    public int ExitCode
    {
        get => Volatile.Read(ref *(int*)(_page + ExitCodeOffset));
        set => Volatile.Write(ref *(int*)(_page + ExitCodeOffset), value);
    }

    /// <summary>Kernel events that never reached a handler (the kernel's ring was full), kept current by the host.</summary>
    public long LostEvents
    {
        get => Volatile.Read(ref *(long*)(_page + LostEventsOffset));
        set => Volatile.Write(ref *(long*)(_page + LostEventsOffset), value);
    }

    public int ConsumerPid
    {
        get => Volatile.Read(ref *(int*)(_page + ConsumerPidOffset));
        set => Volatile.Write(ref *(int*)(_page + ConsumerPidOffset), value);
    }

    public static SessionHeader Create(string path, SessionInfo info)
    {
        var file = MappedFile.Create(path, Size);
        byte* p = file.Pointer;
        *(int*)(p + VersionOffset) = Version;
        *(int*)(p + StateOffset) = (int)HostState.Starting;
        *(int*)(p + HostPidOffset) = info.HostPid;
        *(long*)(p + HostStartTimeOffset) = info.HostStartTime;
        *(int*)(p + PolicyOffset) = (int)info.Policy;
        *(int*)(p + BulkOffset) = info.Bulk ? 1 : 0;
        *(int*)(p + CpuCountOffset) = info.CpuCount;
        *(long*)(p + RingCapacityOffset) = info.RingCapacity;
        WriteString(p + NameOffset, NameSpace, info.ModuleName);
        WriteString(p + PathOffset, PathSpace, info.ModulePath);
        Volatile.Write(ref *(ulong*)(p + MagicOffset), Magic);
        return new SessionHeader(file, info);
    }

    /// <summary>Opens a session file; <see cref="InvalidDataException"/> when it is not one (or is damaged).</summary>
    public static SessionHeader Open(string path, bool writable)
    {
        var file = MappedFile.Open(path, writable) ?? throw new InvalidDataException($"{path}: empty session file");
        try
        {
            byte* p = file.Pointer;
            if (file.Length != Size || *(ulong*)(p + MagicOffset) != Magic || *(int*)(p + VersionOffset) != Version)
            {
                throw new InvalidDataException($"{path}: not a FlightRec session file");
            }

            int cpus = *(int*)(p + CpuCountOffset);
            long capacity = *(long*)(p + RingCapacityOffset);
            int policy = *(int*)(p + PolicyOffset);
            if (cpus is <= 0 or > MaxCpus || !RingLayout.IsValidCapacity(capacity) || policy is not (0 or 1))
            {
                throw new InvalidDataException($"{path}: damaged session file");
            }

            var info = new SessionInfo(
                ReadString(p + NameOffset, NameSpace),
                ReadString(p + PathOffset, PathSpace),
                *(int*)(p + HostPidOffset),
                *(long*)(p + HostStartTimeOffset),
                (RingPolicy)policy,
                *(int*)(p + BulkOffset) != 0,
                cpus,
                capacity);
            return new SessionHeader(file, info);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Whether the host that created this session is still running (not merely its recycled pid).</summary>
    public bool IsHostAlive() => ProcessStartTime.IsAlive(Info.HostPid, Info.HostStartTime);

    private static void WriteString(byte* target, int space, string value)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(value);
        int length = Math.Min(bytes.Length, space - 2);
        *(ushort*)target = (ushort)length;
        bytes.AsSpan(0, length).CopyTo(new Span<byte>(target + 2, length));
    }

    private static string ReadString(byte* source, int space)
    {
        int length = Math.Min(*(ushort*)source, space - 2);
        return Encoding.UTF8.GetString(new ReadOnlySpan<byte>(source + 2, length));
    }

    public void Dispose() => _file.Dispose();
}
