using FlightRec.Runner.Output;

namespace FlightRec.Runner.Tests.Output;

public class StrfTimeTests
{
    // Tuesday 5 March 2024, 14:07:09 — a time where every conversion is distinguishable.
    private static readonly DateTimeOffset Afternoon = new(2024, 3, 5, 14, 7, 9, TimeSpan.Zero);
    private static readonly DateTimeOffset Morning = new(2009, 11, 22, 0, 3, 4, TimeSpan.FromHours(2));

    [Theory]
    [InlineData("%Y", "2024")]
    [InlineData("%y", "24")]
    [InlineData("%m", "03")]
    [InlineData("%d", "05")]
    [InlineData("%e", " 5")]
    [InlineData("%j", "065")]
    [InlineData("%H", "14")]
    [InlineData("%I", "02")]
    [InlineData("%M", "07")]
    [InlineData("%S", "09")]
    [InlineData("%p", "PM")]
    [InlineData("%a", "Tue")]
    [InlineData("%A", "Tuesday")]
    [InlineData("%b", "Mar")]
    [InlineData("%h", "Mar")]
    [InlineData("%B", "March")]
    [InlineData("%u", "2")]
    [InlineData("%w", "2")]
    [InlineData("%s", "1709647629")]
    [InlineData("%T", "14:07:09")]
    [InlineData("%D", "03/05/24")]
    [InlineData("%F", "2024-03-05")]
    [InlineData("%%", "%")]
    public void ExpandsEachConversionLikeStrftimeInTheCLocale(string pattern, string expected) =>
        Assert.Equal(expected, StrfTime.Format(pattern, Afternoon));

    [Theory]
    [InlineData("%I", "12")]
    [InlineData("%p", "AM")]
    [InlineData("%a %u %w", "Sun 7 0")]
    [InlineData("%e", "22")]
    [InlineData("%j", "326")]
    [InlineData("%s", "1258840984")]
    public void HandlesMidnightSundayAndAnOffset(string pattern, string expected) =>
        Assert.Equal(expected, StrfTime.Format(pattern, Morning));

    [Fact]
    public void CopiesOtherTextAndCombinesConversions() =>
        Assert.Equal("/var/log/trace-2024-03-05_14:07:09.%out", StrfTime.Format("/var/log/trace-%F_%T.%%out", Afternoon));

    [Fact]
    public void LeavesAPatternWithoutConversionsAsItIs() =>
        Assert.Equal("out.txt", StrfTime.Format("out.txt", Afternoon));

    [Theory]
    [InlineData("out%")]
    [InlineData("out%q")]
    [InlineData("out%Ey")]
    [InlineData("%-d")]
    [InlineData("")]
    public void RefusesUnknownConversionsATrailingPercentAndAnEmptyResult(string pattern) =>
        Assert.Null(StrfTime.Format(pattern, Afternoon));
}
