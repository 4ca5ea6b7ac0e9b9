using System.Text;
using FlightRec.Runtime.Formatting;
using FlightRec.Runtime.Output;

namespace FlightRec.Runtime.Tests.Formatting;

/// <summary>
/// One printf writes at most one buffer (8192 bytes), contiguously; widths and precisions
/// are clamped to the space left; sprintf keeps MAXSTRINGLEN − 1 bytes.
/// </summary>
public sealed class OutputLimitTests
{
    [Fact]
    public void HugeWidthIsClampedToTheBuffer()
    {
        var bytes = Fmt.PrintfBytes("%1000000d", 5L);
        Assert.Equal(8192, bytes.Length);
        Assert.Equal(new string(' ', 8191) + "5", Encoding.Latin1.GetString(bytes));
    }

    [Fact]
    public void HugeWidthAfterTextGetsTheSpaceLeft()
    {
        string s = Encoding.Latin1.GetString(Fmt.PrintfBytes("ab%1000000d|", 5L));
        Assert.Equal(8192, s.Length);
        Assert.Equal("ab" + new string(' ', 8189) + "5", s);
    }

    [Fact]
    public void HugeLeftJustifiedWidthCutsThePadding()
    {
        string s = Fmt.Printf("%-1000000d|", 5L);
        Assert.Equal("5" + new string(' ', 8191), s);
    }

    [Fact]
    public void HugeStarWidthIsClampedToo()
    {
        Assert.Equal(8192, Fmt.PrintfBytes("%*s", 1_000_000L, "x").Length);
        Assert.Equal(8192, Fmt.PrintfBytes("%.*d", 1_000_000L, 7L).Length);
    }

    [Fact]
    public void HugeZeroPaddedNumberKeepsItsDigits()
    {
        string s = Fmt.Printf("%0100000x", 0xabcL);
        Assert.Equal(new string('0', 8189) + "abc", s);
    }

    [Fact]
    public void ALiteralLongerThanTheBufferIsCut()
    {
        string text = new('x', 10000);
        Assert.Equal(8192, Fmt.PrintfBytes(text).Length);
    }

    [Fact]
    public void OutputThatDoesNotFitFlushesTheBufferFirstSoItStaysContiguous()
    {
        var sink = new CapturedOutput();
        var buffer = new OutputBuffer(sink);
        var format = Fmt.Compile("%s\n");
        string line = new('a', 99);
        for (int i = 0; i < 82; i++)
        {
            ScriptPrinter.Printf(buffer, format, [line]);
        }

        // 81 lines (8100 bytes) fit; the 82nd does not, so the first 81 are committed alone.
        Assert.Single(sink.Commits);
        Assert.Equal(8100, sink.Commits[0].Length);
        Assert.Equal(100, buffer.Length);
        buffer.Flush();
        Assert.Equal(82 * 100, sink.Bytes.Length);
    }

    [Fact]
    public void AWidthThatNoLongerFitsIsFormattedAfterTheFlushNotClampedToTheRest()
    {
        var sink = new CapturedOutput();
        var buffer = new OutputBuffer(sink);
        ScriptPrinter.Printf(buffer, Fmt.Compile("%8000s"), ["x"]);
        ScriptPrinter.Printf(buffer, Fmt.Compile("%500d"), [7L]);
        buffer.Flush();
        Assert.Equal(2, sink.Commits.Count);
        Assert.Equal(8000, sink.Commits[0].Length);
        Assert.Equal(new string(' ', 499) + "7", Encoding.Latin1.GetString(sink.Commits[1]));
    }

    [Fact]
    public void Out1CorpusThreeThousandLines()
    {
        const string line = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz\n";
        var format = Fmt.Compile(line);
        var bytes = Fmt.Handler(o =>
        {
            for (int j = 0; j < 3000; j++)
            {
                ScriptPrinter.Printf(o, format, []);
            }
        });
        Assert.Equal(159000, bytes.Length);
        Assert.Equal(string.Concat(Enumerable.Repeat(line, 3000)), Encoding.Latin1.GetString(bytes));
    }

    [Fact]
    public void SprintfKeepsMaxStringLengthMinusOneBytes()
    {
        // The width is clamped to the 512-byte window, whose last byte then becomes the NUL.
        Assert.Equal(new string(' ', 511), Fmt.Sprintf("%1000000d", 5L));
        Assert.Equal(new string(' ', 510) + "5", Fmt.Sprintf("%511d", 5L));
        Assert.Equal(new string('x', 511), Fmt.Sprintf("%s%s", new string('x', 300), new string('x', 300)));
        Assert.Equal(new string('0', 511), Fmt.Sprintf("%0600d", 5L));
        Assert.Equal(new string(' ', 100), ScriptPrinter.Sprintf(Fmt.Compile("%1000d"), [5L], maxStringLength: 101));
        Assert.Equal(new string(' ', 1999) + "5", ScriptPrinter.Sprintf(Fmt.Compile("%2000d"), [5L], maxStringLength: 4096));
    }

    [Fact]
    public void SprintfEndsAtTheFirstNulAsACStringDoes()
    {
        Assert.Equal("ab", Fmt.Sprintf("%0s|", "ab"));
        Assert.Equal("x", Fmt.Sprintf("x%c|", 0L));
        Assert.Equal("A", Fmt.Sprintf("%b", 65L));
    }

    [Fact]
    public void SprintfIntoACallerWindow()
    {
        Span<byte> window = stackalloc byte[16];
        int n = ScriptPrinter.Sprintf(window, Fmt.Compile("%s=%d"), ["answer", 42L]);
        Assert.Equal("answer=42", Encoding.Latin1.GetString(window[..n]));
        n = ScriptPrinter.Sprintf(window, Fmt.Compile("%s"), [new string('q', 40)]);
        Assert.Equal(15, n);
    }

    [Fact]
    public void ANumberCutByTheWindowKeepsItsLeadingDigits()
    {
        Assert.Equal(new string('-', 509) + "12", Fmt.Sprintf("%s%d", new string('-', 509), 12345L));
        Assert.Equal(new string('-', 508) + "-12", Fmt.Sprintf("%s%d", new string('-', 508), -12345L));
        Assert.Equal(new string('-', 509) + "0x", Fmt.Sprintf("%s%#x", new string('-', 509), 0xabcL));
    }

    [Fact]
    public void BinaryThatDoesNotFitIsSkippedAndLaterFieldsStillWrite()
    {
        // 509 bytes used: 3 left (the last becomes the NUL): %4b does not fit, %c does.
        Assert.Equal(new string('-', 509) + "Z", Fmt.Sprintf("%509s%4b%c", new string('-', 509), 1L, 90L));
    }

    [Fact]
    public void EmptyOutputAppendsNothing()
    {
        Assert.Empty(Fmt.PrintfBytes(""));
        Assert.Empty(Fmt.PrintfBytes("%s", ""));
        Assert.Equal("", Fmt.Sprintf("%s", ""));
    }
}
