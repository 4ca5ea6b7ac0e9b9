using FlightRec.Runner.CommandLine;

namespace FlightRec.Runner.Tests.CommandLine;

public class GetOptTests
{
    private static readonly GetOpt Parser = new("prog", "vwb:o:", [
        new LongOption("list", false, "l"),
        new LongOption("overwrite", false, "overwrite"),
        new LongOption("output", true, "o"),
        new LongOption("outline", false, "outline"),
    ]);

    [Fact]
    public void ClusteredFlagsAreSeparateOptions() =>
        Assert.Equal(["v", "w", "v"], Options("-vwv").Select(o => o.Key));

    [Theory]
    [InlineData("-b8")]
    [InlineData("-b", "8")]
    [InlineData("-vb8")]
    [InlineData("-vb", "8")]
    public void AnArgumentIsAttachedOrTheNextWord(params string[] args) =>
        Assert.Equal(("b", "8"), Options(args).Select(o => (o.Key, o.Argument!)).Last());

    [Fact]
    public void TheNextWordIsTheArgumentEvenIfItLooksLikeAnOption() =>
        Assert.Equal([("b", "-1"), ("v", null)], Options("-b", "-1", "-v").Select(o => (o.Key, o.Argument)));

    [Fact]
    public void OperandsAreCollectedWhereverTheyAreAndOptionsAfterThemStillCount()
    {
        var operands = new List<string>();
        var options = Parser.Scan(["mod.dll", "-v", "x=1", "-w", "y=2"], operands).ToList();

        Assert.Equal(["v", "w"], options.Select(o => o.Key));
        Assert.Equal(["mod.dll", "x=1", "y=2"], operands);
    }

    [Fact]
    public void DoubleDashEndsTheOptionsAndALoneDashIsAnOperand()
    {
        var operands = new List<string>();
        var options = Parser.Scan(["-", "-v", "--", "-w", "--"], operands).ToList();

        Assert.Equal(["v"], options.Select(o => o.Key));
        Assert.Equal(["-", "-w", "--"], operands);
    }

    [Theory]
    [InlineData("prog: invalid option -- 'q'", "-vq")]
    [InlineData("prog: invalid option -- ':'", "-:")]
    [InlineData("prog: option requires an argument -- 'b'", "-b")]
    [InlineData("prog: option requires an argument -- 'b'", "-vb")]
    [InlineData("prog: unrecognized option '--nope'", "--nope")]
    [InlineData("prog: unrecognized option '--nope=3'", "--nope=3")]
    [InlineData("prog: option '--list' doesn't allow an argument", "--list=3")]
    [InlineData("prog: option '--list' doesn't allow an argument", "--li=3")]
    [InlineData("prog: option '--output' requires an argument", "--output")]
    [InlineData("prog: option '--out' is ambiguous; possibilities: '--output' '--outline'", "--out")]
    public void MalformedOptionsGetGlibcsMessage(string expected, params string[] args) =>
        Assert.Equal(expected, Parser.Scan(args, []).Last().Error);

    [Fact]
    public void NothingIsScannedAfterAnError()
    {
        var operands = new List<string>();
        var items = Parser.Scan(["-v", "--nope", "-w", "mod.dll"], operands).ToList();

        Assert.Equal(["v", ""], items.Select(i => i.Key));
        Assert.True(items[1].IsError);
        Assert.Empty(operands);
    }

    [Theory]
    [InlineData("--list")]
    [InlineData("--li")]
    [InlineData("--l")]
    public void ALongOptionMayBeAbbreviatedToAUniquePrefix(string arg) =>
        Assert.Equal(["l"], Options(arg).Select(o => o.Key));

    [Fact]
    public void AnExactLongNameWinsOverLongerOnesItPrefixes()
    {
        var parser = new GetOpt("prog", "", [new LongOption("out", false, "a"), new LongOption("output", false, "b")]);

        Assert.Equal(["a"], parser.Scan(["--out"], []).Select(o => o.Key));
    }

    [Theory]
    [InlineData("--output=f")]
    [InlineData("--output", "f")]
    [InlineData("--outp", "f")]
    public void ALongOptionTakesItsArgumentAfterAnEqualsSignOrAsTheNextWord(params string[] args) =>
        Assert.Equal([("o", "f")], Options(args).Select(o => (o.Key, o.Argument!)));

    [Fact]
    public void AnEmptyAttachedLongArgumentIsKept() =>
        Assert.Equal([("o", "")], Options("--output=").Select(o => (o.Key, o.Argument!)));

    private static List<GetOptItem> Options(params string[] args)
    {
        var items = Parser.Scan(args, []).ToList();
        Assert.DoesNotContain(items, i => i.IsError);
        return items;
    }
}
