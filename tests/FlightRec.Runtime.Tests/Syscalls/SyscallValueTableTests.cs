using FlightRec.Runtime.Tapset.Syscalls;

namespace FlightRec.Runtime.Tests.Syscalls;

public class SyscallValueTableTests
{
    private static readonly SyscallValueTable Table = new([(0, "NONE"), (1, "ONE"), (6, "SIX"), (2, "TWO"), (4, "FOUR")]);

    [Theory]
    [InlineData(0, 16, "NONE")]
    [InlineData(6, 16, "SIX")]
    [InlineData(9, 16, "0x9")]
    [InlineData(9, 10, "9")]
    [InlineData(9, 8, "011")]
    [InlineData(-1, 16, "0xffffffffffffffff")]
    [InlineData(-1, 10, "-1")]
    public void LookupNamesOneValueOrPrintsTheNumber(long value, int numberBase, string expected) =>
        Assert.Equal(expected, Table.Lookup(value, numberBase));

    [Theory]
    [InlineData(0, 16, "NONE")]
    [InlineData(1, 16, "ONE")]
    [InlineData(3, 16, "ONE|SIX")] // SIX shares bit 2 with TWO and comes first: it takes the bit
    [InlineData(4, 16, "SIX")]
    [InlineData(0x11, 16, "ONE|0x10")]
    [InlineData(0x10, 16, "0x10")]
    [InlineData(0x1c, 8, "SIX|030")]
    [InlineData(0x1c, 10, "SIX|24")]
    public void LookupOrNamesBitsInListOrderAndAppendsTheRest(long value, int numberBase, string expected) =>
        Assert.Equal(expected, Table.LookupOr(value, numberBase));

    [Theory]
    [InlineData(0, 8, "0")]
    [InlineData(8, 8, "010")]
    [InlineData(255, 16, "0xff")]
    [InlineData(-5, 10, "-5")]
    public void NumbersFollowCsFormats(long value, int numberBase, string expected) =>
        Assert.Equal(expected, SyscallValueTable.Number(value, numberBase));
}
