using FlightRec.Runtime.Formatting;

namespace FlightRec.Runtime.Tests.Formatting;

public sealed class FormatStringTests
{
    [Theory]
    [InlineData("%-+5d")]
    [InlineData("%+-d")]
    [InlineData("%f")]
    [InlineData("%e")]
    [InlineData("%g")]
    [InlineData("%n")]
    [InlineData("%hd")]
    [InlineData("%lld")]
    [InlineData("%Ld")]
    [InlineData("%zd")]
    [InlineData("%jd")]
    [InlineData("%q")]
    [InlineData("%5")]
    [InlineData("%5.")]
    [InlineData("%.")]
    [InlineData("%-")]
    [InlineData("%l")]
    [InlineData("%*")]
    [InlineData("100%")]
    [InlineData("%")]
    [InlineData("%-%")]
    [InlineData("ok %d then %y")]
    public void MalformedConversionsAreRejectedWithStapsMessage(string format)
    {
        var result = FormatString.Parse(format);
        Assert.False(result.Success);
        Assert.Null(result.Format);
        Assert.Equal("invalid or missing conversion specifier", result.Error);
    }

    [Theory]
    [InlineData("%-08d")]
    [InlineData("%#08x")]
    [InlineData("%-0s")]
    [InlineData("%ld")]
    [InlineData("%lx")]
    [InlineData("%%")]
    [InlineData("100%%")]
    [InlineData("%*.*b")]
    [InlineData("%.*s")]
    [InlineData("%#o")]
    [InlineData("% d")]
    [InlineData("%+i")]
    [InlineData("%0s")]
    [InlineData("%10.4M")]
    [InlineData("%#c")]
    [InlineData("%p")]
    [InlineData("")]
    public void WellFormedFormatsParse(string format) => Assert.True(FormatString.Parse(format).Success);

    [Fact]
    public void ComponentsCarryFlagWidthAndPrecision()
    {
        var format = Fmt.Compile("a%%b%-08d|%*.*s|%.3lx\n");
        var c = format.Components.ToArray();
        Assert.Equal(7, c.Length);
        Assert.Equal(ConversionKind.Literal, c[0].Kind);
        Assert.Equal("a%b"u8.ToArray(), c[0].LiteralBytes.ToArray());
        Assert.Equal(ConversionKind.SignedDecimal, c[1].Kind);
        Assert.Equal(FormatFlags.Left, c[1].Flags);
        Assert.Equal(8, c[1].Width);
        Assert.Equal(-1, c[1].Precision);
        Assert.Equal("|"u8.ToArray(), c[2].LiteralBytes.ToArray());
        Assert.Equal(ConversionKind.String, c[3].Kind);
        Assert.True(c[3].WidthFromArgument);
        Assert.True(c[3].PrecisionFromArgument);
        Assert.Equal(ConversionKind.Hex, c[5].Kind);
        Assert.Equal(3, c[5].Precision);
        Assert.Equal(FormatFlags.None, c[5].Flags);
        Assert.Equal("\n"u8.ToArray(), c[6].LiteralBytes.ToArray());
    }

    [Fact]
    public void ArgumentTypesListStarsBeforeTheirValue()
    {
        var format = Fmt.Compile("%d %*.*s %.*m %s %b");
        Assert.Equal(
            [
                FormatArgumentType.Long,
                FormatArgumentType.Long, FormatArgumentType.Long, FormatArgumentType.String,
                FormatArgumentType.Long, FormatArgumentType.Long,
                FormatArgumentType.String,
                FormatArgumentType.Long,
            ],
            format.ArgumentTypes.ToArray());
        Assert.Equal(8, format.ArgumentCount);
    }

    [Fact]
    public void AFormatWithoutConversionsIsOneLiteral()
    {
        var format = Fmt.Compile("Hello%%World");
        Assert.Equal(1, format.Components.Length);
        Assert.Equal(0, format.ArgumentCount);
        Assert.Equal("Hello%World", Fmt.Printf("Hello%%World"));
    }

    [Fact]
    public void ALiteralEndsAtItsFirstNulAsAStringDoes() =>
        Assert.Equal("a5", Fmt.Printf("a\0b|%d", 5L));

    [Fact]
    public void HugeStaticWidthsSaturateInsteadOfOverflowing() =>
        Assert.Equal(int.MaxValue, Fmt.Compile("%99999999999999d").Components[0].Width);

    [Fact]
    public void AFormatWithTheWrongNumberOfArgumentsIsAProgrammingError() =>
        Assert.Throws<ArgumentException>(() => Fmt.Printf("%d %d", 1));

    [Fact]
    public void AZeroAfterTheFlagIsPartOfTheWidth()
    {
        // As in "%-08d", the one flag is '#' and "08" is the width: '0' is not a second flag.
        Assert.Equal("    0xff", Fmt.Printf("%#08x", 255L));
        Assert.Equal("ab|", Fmt.Printf("%-0s|", "ab"));
    }
}
