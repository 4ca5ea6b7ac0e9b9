using FlightRec.Runtime.Formatting;

namespace FlightRec.Runtime.Tests.Formatting;

public sealed class StringLiteralTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData(@"\a\b\t\n\v\f\r\\", "\a\b\t\n\v\f\r\\")]
    [InlineData(@"\0", "\0")]
    [InlineData(@"\12", "\n")]
    [InlineData(@"\101BC", "ABC")]
    [InlineData(@"\1012", "A2")]
    [InlineData(@"\08", "\u00008")]
    [InlineData(@"\377", "\u00ff")]
    [InlineData(@"\x41", "A")]
    [InlineData(@"\x4", "\u0004")]
    [InlineData(@"\x414", "A4")]
    [InlineData(@"\xfF", "\u00ff")]
    [InlineData(@"\xg", "xg")]
    [InlineData(@"\""", "\"")]
    [InlineData(@"\q", "q")]
    [InlineData(@"\%d", "%d")]
    [InlineData(@"\'", "'")]
    [InlineData("a\\\nb", "a\nb")]
    public void InterpretsEscapesAsCDoes(string verbatim, string expected) =>
        Assert.Equal(expected, StringLiteral.Unescape(verbatim));

    [Fact]
    public void OctalEscapesOfTheCorpusFormatTheirBytes()
    {
        // printf.oct: "\020\01\02\03\04\05\06\07" and friends print those exact bytes.
        string text = StringLiteral.Unescape(@"\020\01\02\03\04\05\06\07\010\011\012\013\014\015\016\017");
        Assert.Equal([16, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15], Fmt.PrintfBytes(text));
    }

    [Fact]
    public void OctalValuesAbove255KeepTheLowByte() =>
        Assert.Equal("\u0001", StringLiteral.Unescape(@"\401"));
}
