using FlightRec.Runtime.Formatting;

namespace FlightRec.Runtime.Tests.Formatting;

public sealed class CharAndStringConversionTests
{
    [Fact]
    public void Char1Corpus()
    {
        var bytes = Fmt.Handler(b =>
        {
            Fmt.Printf(b, "%c", 115L);
            Fmt.Printf(b, "%c", 116L);
            Fmt.Printf(b, "%c%c", 97L, 112L);
            Fmt.Printf(b, "%c%c", (long)'o', (long)'k');
            Fmt.Printf(b, "\n");
        });
        Assert.Equal("stapok\n", System.Text.Encoding.Latin1.GetString(bytes));
    }

    [Theory]
    [InlineData("%c", 0x141L, "A")]
    [InlineData("%c", -1L, "\u00ff")]
    [InlineData("%3c|", 65L, "  A|")]
    [InlineData("%-3c|", 65L, "A  |")]
    [InlineData("%03c|", 65L, "  A|")]
    [InlineData("%.5c|", 65L, "A|")]
    [InlineData("%+c", 65L, "A")]
    public void CharIsOneBytePaddedWithSpaces(string format, long value, string expected) =>
        Assert.Equal(expected, Fmt.Printf(format, value));

    [Fact]
    public void HashCharExampleFromTheManPage() =>
        Assert.Equal("\\000 \\t *", Fmt.Printf("%#c %#c %#c", 0L, 9L, 42L));

    [Theory]
    [InlineData(7L, "\\a")]
    [InlineData(8L, "\\b")]
    [InlineData(12L, "\\f")]
    [InlineData(10L, "\\n")]
    [InlineData(13L, "\\r")]
    [InlineData(9L, "\\t")]
    [InlineData(11L, "\\v")]
    [InlineData(39L, "\\'")]
    [InlineData(92L, "\\\\")]
    [InlineData(34L, "\"")]
    [InlineData(32L, " ")]
    [InlineData(126L, "~")]
    [InlineData(127L, "\\177")]
    [InlineData(1L, "\\001")]
    [InlineData(27L, "\\033")]
    [InlineData(200L, "\\310")]
    [InlineData(255L, "\\377")]
    public void HashCharEscapes(long value, string expected) =>
        Assert.Equal(expected, Fmt.Printf("%#c", value));

    [Theory]
    [InlineData("%#6c|", 10L, "    \\n|")]
    [InlineData("%#6c|", 0L, "  \\000|")]
    [InlineData("%#2c|", 1L, "\\001|")]
    public void EscapedCharsCountTheirFullWidth(string format, long value, string expected) =>
        Assert.Equal(expected, Fmt.Printf(format, value));

    [Fact]
    public void String1Corpus()
    {
        Assert.Equal("The string is <Foobar!>\n", Fmt.Printf("The string is <%s>\n", "Foobar!"));
        Assert.Equal("Foobar!XYZZY\n", Fmt.Printf("%s%s\n", "Foobar!", "XYZZY"));
        Assert.Equal("XYZZYFoobar!XYZZYFoobar!\n", Fmt.Printf("%s%s%s%s\n", "XYZZY", "Foobar!", "XYZZY", "Foobar!"));
    }

    [Fact]
    public void String2CorpusLine()
    {
        string s = "12345678901234567890123456789012345678901234567890";
        string t = s + s;
        Assert.Equal(" 7: " + t + "\n", Fmt.Printf("%2d: %s\n", 7L, t));
        Assert.Equal("42: " + t + "\n", Fmt.Printf("%2d: %s\n", 42L, t));
    }

    [Theory]
    [InlineData("%5s|", "ab", "   ab|")]
    [InlineData("%-5s|", "ab", "ab   |")]
    [InlineData("%.1s|", "ab", "a|")]
    [InlineData("%.0s|", "ab", "|")]
    [InlineData("%5.1s|", "ab", "    a|")]
    [InlineData("%1s|", "abc", "abc|")]
    [InlineData("%+s|", "ab", "ab|")]
    [InlineData("%#s|", "ab", "ab|")]
    [InlineData("% s|", "ab", "ab|")]
    [InlineData("%s|", "", "|")]
    [InlineData("%3s|", "", "   |")]
    [InlineData("%s|", "a\0b", "a|")]
    [InlineData("%ls|", "ab", "ab|")]
    public void StringPrecisionCutsAndWidthPadsWithSpaces(string format, string value, string expected) =>
        Assert.Equal(expected, Fmt.Printf(format, value));

    [Fact]
    public void BareDotLeavesTheStringPrecisionUnspecifiedAsStapDoes() =>
        Assert.Equal("abc|", Fmt.Printf("%.s|", "abc"));

    [Theory]
    [InlineData("%0s|", "ab", "ab\0|")]
    [InlineData("%05s|", "ab", "   ab\0|")]
    [InlineData("%0.1s|", "ab", "a\0|")]
    public void ZeroFlagOnStringAppendsANul(string format, string value, string expected) =>
        Assert.Equal(expected, Fmt.Printf(format, value));

    [Theory]
    [InlineData("%*s|", 4L, "ab", "  ab|")]
    [InlineData("%*s|", -4L, "ab", "ab|")]
    [InlineData("%-*s|", 4L, "ab", "ab  |")]
    [InlineData("%.*s|", 1L, "ab", "a|")]
    [InlineData("%.*s|", -1L, "ab", "|")]
    public void StarOnStrings(string format, long star, string value, string expected) =>
        Assert.Equal(expected, Fmt.Printf(format, star, value));

    [Fact]
    public void LatinOneBytesPassThroughUnchanged() =>
        Assert.Equal([0xE9, 0xFF, (byte)'|'], Fmt.PrintfBytes("%s|", "\u00e9\u00ff"));
}
