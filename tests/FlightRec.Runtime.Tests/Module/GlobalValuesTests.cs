using FlightRec.Runtime.Module;

namespace FlightRec.Runtime.Tests.Module;

public class GlobalValuesTests
{
    [Theory]
    [InlineData("10", 10)]
    [InlineData("-10", -10)]
    [InlineData("+7", 7)]
    [InlineData("0x1F", 31)]
    [InlineData("010", 8)]
    [InlineData("0", 0)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("-9223372036854775808", long.MinValue)]
    public void ParsesTheWayModuleParametersDo(string text, long expected) =>
        Assert.Equal(expected, GlobalValues.ParseLong("n", text));

    [Theory]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("1.5")]
    [InlineData("08")]
    [InlineData("0x")]
    [InlineData("9223372036854775808")]
    [InlineData(" 1")]
    public void RefusesAnythingElseInOneLine(string text)
    {
        var e = Assert.Throws<FormatException>(() => GlobalValues.ParseLong("n", text));
        Assert.Equal($"invalid value '{text}' for global 'n': not a number that fits a long", e.Message);
    }
}
