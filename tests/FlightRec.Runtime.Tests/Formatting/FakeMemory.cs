using FlightRec.Runtime.Formatting;

namespace FlightRec.Runtime.Tests.Formatting;

/// <summary>Readable memory [Base, Base + Bytes.Length); everything else faults.</summary>
internal sealed class FakeMemory(long baseAddress, byte[] bytes) : IMemoryReader
{
    public int Reads { get; private set; }

    public int Read(long address, Span<byte> destination)
    {
        Reads++;
        int n = 0;
        while (n < destination.Length && address + n >= baseAddress && address + n < baseAddress + bytes.Length)
        {
            destination[n] = bytes[address + n - baseAddress];
            n++;
        }

        return n;
    }
}
