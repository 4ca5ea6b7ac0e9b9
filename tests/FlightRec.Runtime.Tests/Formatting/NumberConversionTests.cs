using FlightRec.Runtime.Formatting;

namespace FlightRec.Runtime.Tests.Formatting;

/// <summary>
/// %d %i %u %o %x %X against stap's number(): the printf.int1 corpus lines (values 1, 10,
/// 9000000000000, −1, −1024) and every flag/width/precision rule where stap differs from C.
/// </summary>
public sealed class NumberConversionTests
{
    private static readonly FormatArg[] Int1 = [1L, 10L, 9000000000000L, -1L, -1024L];

    [Theory]
    [InlineData("%d", "1,10,9000000000000,-1,-1024")]
    [InlineData("%2d", " 1,10,9000000000000,-1,-1024")]
    [InlineData("%16d", "               1,              10,   9000000000000,              -1,           -1024")]
    [InlineData("%016d", "0000000000000001,0000000000000010,0009000000000000,-000000000000001,-000000000001024")]
    [InlineData("%ld", "1,10,9000000000000,-1,-1024")]
    [InlineData("%#d", "1,10,9000000000000,-1,-1024")]
    [InlineData("%#ld", "1,10,9000000000000,-1,-1024")]
    [InlineData("%u", "1,10,9000000000000,18446744073709551615,18446744073709550592")]
    [InlineData("%2u", " 1,10,9000000000000,18446744073709551615,18446744073709550592")]
    [InlineData("%16u", "               1,              10,   9000000000000,18446744073709551615,18446744073709550592")]
    [InlineData("%016u", "0000000000000001,0000000000000010,0009000000000000,18446744073709551615,18446744073709550592")]
    [InlineData("%#lu", "1,10,9000000000000,18446744073709551615,18446744073709550592")]
    [InlineData("%x", "1,a,82f79cd9000,ffffffffffffffff,fffffffffffffc00")]
    [InlineData("%2x", " 1, a,82f79cd9000,ffffffffffffffff,fffffffffffffc00")]
    [InlineData("%16x", "               1,               a,     82f79cd9000,ffffffffffffffff,fffffffffffffc00")]
    [InlineData("%016x", "0000000000000001,000000000000000a,0000082f79cd9000,ffffffffffffffff,fffffffffffffc00")]
    [InlineData("%16X", "               1,               A,     82F79CD9000,FFFFFFFFFFFFFFFF,FFFFFFFFFFFFFC00")]
    [InlineData("%016X", "0000000000000001,000000000000000A,0000082F79CD9000,FFFFFFFFFFFFFFFF,FFFFFFFFFFFFFC00")]
    [InlineData("%lx", "1,a,82f79cd9000,ffffffffffffffff,fffffffffffffc00")]
    [InlineData("%#x", "0x1,0xa,0x82f79cd9000,0xffffffffffffffff,0xfffffffffffffc00")]
    [InlineData("%#lx", "0x1,0xa,0x82f79cd9000,0xffffffffffffffff,0xfffffffffffffc00")]
    [InlineData("%o", "1,12,202757163310000,1777777777777777777777,1777777777777777776000")]
    [InlineData("%2o", " 1,12,202757163310000,1777777777777777777777,1777777777777777776000")]
    [InlineData("%16o", "               1,              12, 202757163310000,1777777777777777777777,1777777777777777776000")]
    [InlineData("%016o", "0000000000000001,0000000000000012,0202757163310000,1777777777777777777777,1777777777777777776000")]
    [InlineData("%lo", "1,12,202757163310000,1777777777777777777777,1777777777777777776000")]
    [InlineData("%#o", "01,012,0202757163310000,01777777777777777777777,01777777777777777776000")]
    [InlineData("%#lo", "01,012,0202757163310000,01777777777777777777777,01777777777777777776000")]
    public void Int1CorpusLines(string conversion, string expected)
    {
        string format = string.Join(",", Enumerable.Repeat(conversion, 5)) + "\n";
        Assert.Equal(expected + "\n", Fmt.Printf(format, Int1));
    }

    [Theory]
    [InlineData("%i", 42L, "42")]
    [InlineData("%i", -42L, "-42")]
    [InlineData("%+d", 5L, "+5")]
    [InlineData("%+d", 0L, "+0")]
    [InlineData("%+d", -5L, "-5")]
    [InlineData("% d", 5L, " 5")]
    [InlineData("% d", -5L, "-5")]
    [InlineData("%+5d", 5L, "   +5")]
    [InlineData("% 5d", 5L, "    5")]
    [InlineData("%+u", 5L, "5")]
    [InlineData("% u", 5L, "5")]
    [InlineData("%+x", 255L, "ff")]
    [InlineData("% o", 8L, "10")]
    [InlineData("%-5d|", 42L, "42   |")]
    [InlineData("%-5d|", -42L, "-42  |")]
    [InlineData("%-08d|", 42L, "42      |")]
    [InlineData("%05d", -42L, "-0042")]
    [InlineData("%5d", long.MinValue, "-9223372036854775808")]
    [InlineData("%d", long.MinValue, "-9223372036854775808")]
    [InlineData("%u", long.MinValue, "9223372036854775808")]
    [InlineData("%x", long.MinValue, "8000000000000000")]
    [InlineData("%o", long.MinValue, "1000000000000000000000")]
    [InlineData("%d", long.MaxValue, "9223372036854775807")]
    [InlineData("%X", 0xabcdefL, "ABCDEF")]
    public void SignsAndPadding(string format, long value, string expected) =>
        Assert.Equal(expected, Fmt.Printf(format, value));

    [Theory]
    [InlineData("%#x", 0L, "0x0")]
    [InlineData("%#X", 0L, "0X0")]
    [InlineData("%#X", 255L, "0XFF")]
    [InlineData("%#o", 0L, "00")]
    [InlineData("%#o", 8L, "010")]
    [InlineData("%#8x", 255L, "    0xff")]
    [InlineData("%#.4x", 255L, "0x00ff")]
    [InlineData("%#.4o", 8L, "00010")]
    [InlineData("%#u", 0L, "0")]
    [InlineData("%#d", 0L, "0")]
    public void HashPrefixesEvenZero(string format, long value, string expected) =>
        Assert.Equal(expected, Fmt.Printf(format, value));

    [Theory]
    [InlineData("%.0d", 0L, "0")]
    [InlineData("%.0x", 0L, "0")]
    [InlineData("%.0o", 0L, "0")]
    [InlineData("%.0u", 0L, "0")]
    [InlineData("%5.0d", 0L, "    0")]
    [InlineData("%.3d", 5L, "005")]
    [InlineData("%.3d", -5L, "-005")]
    [InlineData("%+.3d", 5L, "+005")]
    [InlineData("%8.3d", 5L, "     005")]
    [InlineData("%-8.3d|", 5L, "005     |")]
    [InlineData("%08.3d", 5L, "00000005")]
    [InlineData("%08.3d", -5L, "-0000005")]
    [InlineData("%08.3x", 255L, "000000ff")]
    [InlineData("%.1d", 12345L, "12345")]
    [InlineData("%.d", 0L, "0")]
    [InlineData("%.20d", 1L, "00000000000000000001")]
    public void PrecisionIsMinimumDigitsAndZeroFlagStillPads(string format, long value, string expected) =>
        Assert.Equal(expected, Fmt.Printf(format, value));

    [Theory]
    [InlineData("%*d|", 5L, 42L, "   42|")]
    [InlineData("%*d|", 0L, 42L, "42|")]
    [InlineData("%*d|", -5L, 42L, "42|")]
    [InlineData("%-*d|", 5L, 42L, "42   |")]
    [InlineData("%0*d|", 5L, 42L, "00042|")]
    [InlineData("%.*d|", 4L, 42L, "0042|")]
    [InlineData("%.*d|", -4L, 42L, "42|")]
    [InlineData("%.*d|", -4L, 0L, "0|")]
    [InlineData("%*d|", 0x1_0000_0003L, 7L, "  7|")]
    public void StarTakesALongClampedToZeroAndTheSpaceLeft(string format, long star, long value, string expected) =>
        Assert.Equal(expected, Fmt.Printf(format, star, value));

    [Fact]
    public void StarWidthAndPrecisionTogether() =>
        Assert.Equal("  00042|", Fmt.Printf("%*.*d|", 7L, 5L, 42L));
}
