using FlightRec.Runtime.Formatting;

namespace FlightRec.Runtime.Providers.Bpf;

/// <summary>
/// User memory as a handler of a captured event sees it: the strings the capture program copied
/// at event time, at the addresses they were read from, so <c>user_string($filename)</c> returns
/// what the process passed even after it exited. Any other address — or a string the program
/// could not copy because its page was not resident (eBPF may not fault pages in) — is read from
/// the process now with process_vm_readv, which fails only if it has gone.
/// </summary>
internal sealed class CapturedStrings : IMemoryReader
{
    private const int MaxStrings = 8;
    private readonly long[] _addresses = new long[MaxStrings];
    private readonly byte[][] _bytes = new byte[MaxStrings][];
    private readonly int[] _lengths = new int[MaxStrings];
    private int _count;
    private int _pid;

    /// <summary>Starts a new event of process <paramref name="pid"/>.</summary>
    public void Clear(int pid)
    {
        _count = 0;
        _pid = pid;
    }

    /// <summary>Remembers <paramref name="text"/> (without its NUL) as the string at <paramref name="address"/>.</summary>
    public void Add(long address, ReadOnlySpan<byte> text)
    {
        if (_count == MaxStrings)
        {
            return;
        }

        var buffer = _bytes[_count];
        if (buffer is null || buffer.Length < text.Length + 1)
        {
            // Grows to the longest string seen, then stays: amortised, not per event.
            buffer = _bytes[_count] = new byte[Math.Max(text.Length + 1, 64)];
        }

        text.CopyTo(buffer);
        buffer[text.Length] = 0;
        _addresses[_count] = address;
        _lengths[_count] = text.Length + 1;
        _count++;
    }

    public int Read(long address, Span<byte> destination)
    {
        for (int i = 0; i < _count; i++)
        {
            long offset = address - _addresses[i];
            if (offset >= 0 && offset < _lengths[i])
            {
                var available = _bytes[i].AsSpan((int)offset, _lengths[i] - (int)offset);
                int copied = Math.Min(available.Length, destination.Length);
                available[..copied].CopyTo(destination);
                return copied;
            }
        }

        return Linux.ProcessMemory.Read(_pid, address, destination);
    }
}
