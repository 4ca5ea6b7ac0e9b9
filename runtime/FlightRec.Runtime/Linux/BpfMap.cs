namespace FlightRec.Runtime.Linux;

/// <summary>
/// A BPF map descriptor (BPF_MAP_CREATE). Programs refer to it by descriptor through a 64-bit
/// immediate load marked BPF_PSEUDO_MAP_FD; the host reads it with <see cref="TryLookup"/>
/// or, for a ring buffer, by mapping it. Closing the descriptor frees the map once no loaded
/// program holds it.
/// </summary>
public sealed unsafe class BpfMap : IDisposable
{
    private int _fd;

    private BpfMap(int fd, BpfMapType type, int keySize, int valueSize, int maxEntries)
    {
        _fd = fd;
        Type = type;
        KeySize = keySize;
        ValueSize = valueSize;
        MaxEntries = maxEntries;
    }

    public int FileDescriptor => _fd >= 0 ? _fd : throw new ObjectDisposedException(nameof(BpfMap));

    public BpfMapType Type { get; }

    public int KeySize { get; }

    public int ValueSize { get; }

    /// <summary>Entries for arrays; the data size in bytes for a ring buffer.</summary>
    public int MaxEntries { get; }

    /// <summary>
    /// Creates a map. <paramref name="name"/> is for bpftool only: the kernel allows letters,
    /// digits, '_' and '.', at most 15 of them; anything else is replaced or cut.
    /// </summary>
    public static BpfMap Create(BpfMapType type, int keySize, int valueSize, int maxEntries, string name) =>
        Create(type, keySize, valueSize, maxEntries, name, BpfMapFlags.None);

    /// <summary>Creates a map with <paramref name="flags"/> (bpf_attr.map_flags).</summary>
    public static BpfMap Create(BpfMapType type, int keySize, int valueSize, int maxEntries, string name, BpfMapFlags flags)
    {
        byte* attr = stackalloc byte[BpfSyscall.AttributeSize];
        new Span<byte>(attr, BpfSyscall.AttributeSize).Clear();
        *(uint*)(attr + 0) = (uint)type;
        *(uint*)(attr + 4) = (uint)keySize;
        *(uint*)(attr + 8) = (uint)valueSize;
        *(uint*)(attr + 12) = (uint)maxEntries;
        *(uint*)(attr + 16) = (uint)flags;
        BpfSyscall.WriteObjectName(name, new Span<byte>(attr + 28, BpfSyscall.ObjectNameLength));
        long fd = BpfSyscall.Invoke(BpfSyscall.MapCreate, attr);
        return fd >= 0
            ? new BpfMap((int)fd, type, keySize, valueSize, maxEntries)
            : throw Errno.LastError($"bpf(BPF_MAP_CREATE {type} \"{name}\")");
    }

    /// <summary>
    /// A ring buffer of <paramref name="dataBytes"/> bytes, which the kernel wants to be a power
    /// of two and a multiple of the page size.
    /// </summary>
    public static BpfMap CreateRingBuffer(int dataBytes, string name) =>
        Create(BpfMapType.RingBuffer, 0, 0, dataBytes, name);

    /// <summary>
    /// Copies the value under <paramref name="key"/> into <paramref name="value"/>; false when the key
    /// is absent (ENOENT). For a per-CPU map the value holds one slot per possible CPU, each
    /// rounded up to 8 bytes (<see cref="PerCpuValueBytes"/>).
    /// </summary>
    public bool TryLookup(ReadOnlySpan<byte> key, Span<byte> value)
    {
        int expected = Type == BpfMapType.PerCpuArray ? PerCpuValueBytes : ValueSize;
        ArgumentOutOfRangeException.ThrowIfNotEqual(key.Length, KeySize);
        ArgumentOutOfRangeException.ThrowIfLessThan(value.Length, expected);
        byte* attr = stackalloc byte[BpfSyscall.AttributeSize];
        new Span<byte>(attr, BpfSyscall.AttributeSize).Clear();
        fixed (byte* k = key)
        fixed (byte* v = value)
        {
            *(uint*)(attr + 0) = (uint)FileDescriptor;
            *(ulong*)(attr + 8) = (ulong)k;
            *(ulong*)(attr + 16) = (ulong)v;
            if (BpfSyscall.Invoke(BpfSyscall.MapLookupElement, attr) == 0)
            {
                return true;
            }
        }

        int errno = Errno.Last;
        return errno == Errno.ENOENT ? false : throw Errno.Error("bpf(BPF_MAP_LOOKUP_ELEM)", errno);
    }

    /// <summary>
    /// Sets the value under <paramref name="key"/> (BPF_ANY: creates or replaces), as programs will
    /// read it; for an array the key is the u32 index.
    /// </summary>
    public void Update(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(key.Length, KeySize);
        ArgumentOutOfRangeException.ThrowIfNotEqual(value.Length, ValueSize);
        byte* attr = stackalloc byte[BpfSyscall.AttributeSize];
        new Span<byte>(attr, BpfSyscall.AttributeSize).Clear();
        fixed (byte* k = key)
        fixed (byte* v = value)
        {
            *(uint*)(attr + 0) = (uint)FileDescriptor;
            *(ulong*)(attr + 8) = (ulong)k;
            *(ulong*)(attr + 16) = (ulong)v;
            if (BpfSyscall.Invoke(BpfSyscall.MapUpdateElement, attr) == 0)
            {
                return;
            }
        }

        throw Errno.LastError("bpf(BPF_MAP_UPDATE_ELEM)");
    }

    /// <summary>The lookup buffer size of a per-CPU map: possible CPUs × value size rounded up to 8.</summary>
    public int PerCpuValueBytes => BpfPossibleCpus.Count * ((ValueSize + 7) & ~7);

    /// <summary>The sum over all CPUs of the 64-bit counter at <paramref name="index"/> of a per-CPU array of u64.</summary>
    public long SumPerCpuCounter(uint index)
    {
        if (Type != BpfMapType.PerCpuArray || KeySize != 4 || ValueSize != 8)
        {
            throw new InvalidOperationException($"not a per-CPU array of 64-bit counters: {Type}, key {KeySize}, value {ValueSize}");
        }

        Span<byte> key = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(key, index);
        // 8 bytes per possible CPU: on the stack unless the machine is very large.
        Span<byte> values = PerCpuValueBytes <= 8192 ? stackalloc byte[PerCpuValueBytes] : new byte[PerCpuValueBytes];
        if (!TryLookup(key, values))
        {
            return 0;
        }

        long sum = 0;
        for (int offset = 0; offset < values.Length; offset += 8)
        {
            sum += System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(values[offset..]);
        }

        return sum;
    }

    public void Dispose()
    {
        int fd = Interlocked.Exchange(ref _fd, -1);
        if (fd >= 0)
        {
            FileDescriptors.Close(fd);
        }
    }
}
