using FlightRec.Runtime.Formatting;

namespace FlightRec.Runtime.Tests.Formatting;

public sealed class PointerConversionTests
{
    [Theory]
    [InlineData("%p", 0L, "0x0")]
    [InlineData("%p", 0x1234abcdL, "0x1234abcd")]
    [InlineData("%p", -1L, "0xffffffffffffffff")]
    [InlineData("%20p|", 0x1234L, "              0x1234|")]
    [InlineData("%-20p|", 0x1234L, "0x1234              |")]
    [InlineData("%020p|", 0x1234L, "0x000000000000001234|")]
    [InlineData("%.8p", 0x1234L, "0x00001234")]
    [InlineData("%#p", 0x1234L, "0x1234")]
    public void PointerIsHashHexSinceStap13(string format, long value, string expected) =>
        Assert.Equal(expected, Fmt.Printf(format, value));

    /// <summary>printf.ptr-1.2: %p under --compatible 1.2 (values 0, 1, 0x12345678, 0x12345678abcdef00, 0x12345678).</summary>
    [Theory]
    [InlineData("%p", new[] { "0x0000000000000000", "0x0000000000000001", "0x0000000012345678", "0x12345678abcdef00", "0x0000000012345678" })]
    [InlineData("%20pX", new[] { "  0x0000000000000000X", "  0x0000000000000001X", "  0x0000000012345678X", "  0x12345678abcdef00X", "  0x0000000012345678X" })]
    [InlineData("%-20pX", new[] { "0x000000000000000000X", "0x000000000000000001X", "0x000000000012345678X", "0x0012345678abcdef00X", "0x000000000012345678X" })]
    [InlineData("%8p", new[] { "0x000000", "0x000001", "0x12345678", "0x12345678abcdef00", "0x12345678" })]
    [InlineData("%-8pX", new[] { "0x000000X", "0x000001X", "0x12345678X", "0x12345678abcdef00X", "0x12345678X" })]
    [InlineData("%.1p", new[] { "0x0000000000000000", "0x0000000000000001", "0x0000000012345678", "0x12345678abcdef00", "0x0000000012345678" })]
    public void LegacyPointerOfPtr12Corpus(string conversion, string[] expected)
    {
        long[] values = [0, 1, 0x12345678, 0x12345678abcdef00, 0x0000000012345678];
        var format = Fmt.Compile(conversion + "\n", legacyPointer: true);
        for (int i = 0; i < values.Length; i++)
        {
            Assert.Equal(expected[i] + "\n", ScriptPrinter.Sprintf(format, [values[i]]));
        }
    }
}
