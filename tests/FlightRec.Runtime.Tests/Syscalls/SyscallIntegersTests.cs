using FlightRec.Runtime.Tapset.Syscalls;

namespace FlightRec.Runtime.Tests.Syscalls;

public class SyscallIntegersTests
{
    [Theory]
    [InlineData(0xffffff9cL, -100)]
    [InlineData(3, 3)]
    [InlineData(0x100000005L, 5)]
    [InlineData(-1, -1)]
    public void Int32NarrowsToASignedInt(long value, long expected) => Assert.Equal(expected, SyscallIntegers.Int32(value));

    [Theory]
    [InlineData(-1, 4294967295L)]
    [InlineData(0x1ffffffffL, 4294967295L)]
    [InlineData(7, 7)]
    public void UInt32NarrowsToAnUnsignedInt(long value, long expected) => Assert.Equal(expected, SyscallIntegers.UInt32(value));

    [Fact]
    public void ShortAndUShortNarrowTo16Bits()
    {
        Assert.Equal(-32768, SyscallIntegers.Short(0x18000));
        Assert.Equal(65535, SyscallIntegers.UShort(-1));
        Assert.Equal(1, SyscallIntegers.Short(0x10001));
    }

    [Fact]
    public void LongKeepsTheValue() => Assert.Equal(long.MinValue, SyscallIntegers.Long(long.MinValue));
}
