using System.Buffers.Binary;
using FlightRec.Runtime.Formatting;

namespace FlightRec.Runtime.Tests.Formatting;

/// <summary>%b against the printf.bin* corpus (raw expected bytes) and the language reference.</summary>
public sealed class BinaryConversionTests
{
    // The corpus calls big_endian2/4/8 so that the bytes read the same on every architecture.
    private static long BigEndian2(long v) => BinaryPrimitives.ReverseEndianness((ushort)v);

    private static long BigEndian4(long v) => BinaryPrimitives.ReverseEndianness((uint)v);

    private static long BigEndian8(long v) => BinaryPrimitives.ReverseEndianness(v);

    [Fact]
    public void Bin1() => Assert.Equal([0x42], Fmt.PrintfBytes("%1b", 0x42L));

    [Fact]
    public void Bin3SixteenBitValues()
    {
        long a = BigEndian2(0x12345678), b = BigEndian2(0xabcd), c = BigEndian2(0x8888), d = BigEndian2(0xcdef);
        var bytes = Fmt.Handler(o =>
        {
            Fmt.Printf(o, "%2b", BigEndian2(0x12));
            Fmt.Printf(o, "%2b", BigEndian2(0x34));
            Fmt.Printf(o, "%2b%2b", BigEndian2(0xabcd), BigEndian2(0x5678));
            Fmt.Printf(o, "%2b%2b%2b%2b", a, b, c, d);
            Fmt.Printf(o, "a=%2b b=%2b c=%2b d=%2b", a, b, c, d);
        });
        Assert.Equal(Convert.FromHexString("00120034abcd56785678abcd8888cdef613d567820623dabcd20633d888820643dcdef"), bytes);
    }

    [Fact]
    public void Bin4ThirtyTwoBitValues()
    {
        long a = BigEndian4(0x12345678), b = BigEndian4(0x11112222), c = BigEndian4(0x88889999), d = BigEndian4(0xcdef0000);
        var bytes = Fmt.Handler(o =>
        {
            Fmt.Printf(o, "%4b", BigEndian4(0x12));
            Fmt.Printf(o, "%4b", BigEndian4(0x34));
            Fmt.Printf(o, "%4b%4b", BigEndian4(0xabcdef00), BigEndian4(0x5678));
            Fmt.Printf(o, "%4b%4b%4b%4b", a, b, c, d);
            Fmt.Printf(o, "a=%4b b=%4b c=%4b d=%4b", a, b, c, d);
        });
        Assert.Equal(
            Convert.FromHexString(
                "00000012" + "00000034" + "abcdef00" + "00005678"
                + "12345678" + "11112222" + "88889999" + "cdef0000"
                + "613d" + "12345678" + "2062" + "3d" + "11112222" + "20633d" + "88889999" + "20643d" + "cdef0000"),
            bytes);
    }

    [Theory]
    [InlineData("%b", "deadbeef")]
    [InlineData("%1b", "d")]
    [InlineData("%2b", "de")]
    [InlineData("%4b", "dead")]
    [InlineData("%8b", "deadbeef")]
    [InlineData("%.8b", "deadbeef")]
    [InlineData("%.4b", "dead")]
    [InlineData("%.2b", "de")]
    [InlineData("%.1b", "d")]
    [InlineData("%1.8b", "deadbeef")]
    [InlineData("%2.4b", "dead")]
    [InlineData("%4.2b", "\0\0de")]
    [InlineData("%8.1b", "\0\0\0\0\0\0\0d")]
    public void Bin6StaticWidthAndPrecision(string conversion, string expected)
    {
        long deadbeef = BigEndian8(0x6465616462656566);
        Assert.Equal(":" + expected + ":\n", Fmt.Printf(":" + conversion + ":\n", deadbeef));
    }

    [Theory]
    [InlineData(1L, "d")]
    [InlineData(2L, "de")]
    [InlineData(4L, "dead")]
    [InlineData(8L, "deadbeef")]
    public void Bin6DynamicWidthOrPrecision(long size, string expected)
    {
        long deadbeef = BigEndian8(0x6465616462656566);
        Assert.Equal(":" + expected + ":", Fmt.Printf(":%*b:", size, deadbeef));
        Assert.Equal(":" + expected + ":", Fmt.Printf(":%.*b:", size, deadbeef));
    }

    [Theory]
    [InlineData(1L, 8L, "deadbeef")]
    [InlineData(2L, 4L, "dead")]
    [InlineData(4L, 2L, "\0\0de")]
    [InlineData(8L, 1L, "\0\0\0\0\0\0\0d")]
    public void Bin6DynamicWidthAndPrecision(long width, long precision, string expected)
    {
        long deadbeef = BigEndian8(0x6465616462656566);
        Assert.Equal(":" + expected + ":", Fmt.Printf(":%*.*b:", width, precision, deadbeef));
    }

    [Fact]
    public void HelloWorldFromTheLanguageReference() =>
        Assert.Equal("Hello World\n", Fmt.Printf("%1b%1b%1blo %1b%1brld\n", 72L, 101L, 108L, 87L, 111L));

    [Fact]
    public void DefaultIsEightLittleEndianBytes() =>
        Assert.Equal(
            Convert.FromHexString("addbdec00000000078563412" + "00000000"),
            Fmt.PrintfBytes("%b%b", 0xc0dedbadL, 0x12345678L));

    [Theory]
    [InlineData("%3b", "0807060504030201")]
    [InlineData("%05b", "0807060504030201")]
    [InlineData("%.3b", "0807060504030201")]
    [InlineData("%0b", "0807060504030201")]
    [InlineData("%12b", "000000000807060504030201")]
    [InlineData("%-12b", "080706050403020100000000")]
    [InlineData("%-4.2b", "08070000")]
    [InlineData("%4.2b", "00000807")]
    [InlineData("%+2b", "0807")]
    [InlineData("%#4b", "08070605")]
    public void OtherSizesFallBackToEightAndPadWithNul(string format, string hex) =>
        Assert.Equal(Convert.FromHexString(hex), Fmt.PrintfBytes(format, 0x0102030405060708L));
}
