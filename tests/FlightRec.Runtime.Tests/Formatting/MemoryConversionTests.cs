using System.Text;
using FlightRec.Runtime.Execution;
using FlightRec.Runtime.Formatting;
using FlightRec.Runtime.Output;

namespace FlightRec.Runtime.Tests.Formatting;

public sealed class MemoryConversionTests
{
    private const long Base = 0x7f0000001000;
    private static readonly FakeMemory Memory = new(Base, Encoding.Latin1.GetBytes("Hello, world\u00ab\u00cd"));

    private static string Printf(string format, params FormatArg[] args)
    {
        var sink = new CapturedOutput();
        var buffer = new OutputBuffer(sink);
        ScriptPrinter.Printf(buffer, Fmt.Compile(format), args, Memory, "identifier 'p' at t.frs:1:2");
        buffer.Flush();
        return sink.Text;
    }

    [Theory]
    [InlineData("%m|", "H|")]
    [InlineData("%.5m|", "Hello|")]
    [InlineData("%.0m|", "H|")]
    [InlineData("%8.5m|", "   Hello|")]
    [InlineData("%-8.5m|", "Hello   |")]
    [InlineData("%0.2m|", "He\0|")]
    [InlineData("%#.2m|", "He|")]
    [InlineData("%M|", "48|")]
    [InlineData("%.4M|", "48656c6c|")]
    [InlineData("%10.4M|", "  48656c6c|")]
    [InlineData("%-10.4M|", "48656c6c  |")]
    [InlineData("%3M|", " 48|")]
    [InlineData("%0.1M|", "48\0|")]
    public void MemoryDumps(string format, string expected) => Assert.Equal(expected, Printf(format, Base));

    [Fact]
    public void HexDumpIsLowercase() => Assert.Equal("abcd", Printf("%.2M", Base + 12));

    [Theory]
    [InlineData(3L, "Hel|")]
    [InlineData(0L, "H|")]
    [InlineData(-7L, "H|")]
    public void StarPrecisionIsTheByteCount(long count, string expected) =>
        Assert.Equal(expected, Printf("%.*m|", count, Base));

    [Fact]
    public void MoreThanAPageIsAnErrorBeforeAnythingIsPrinted()
    {
        var sink = new CapturedOutput();
        var buffer = new OutputBuffer(sink);
        var e = Assert.Throws<ScriptError>(() =>
            ScriptPrinter.Printf(buffer, Fmt.Compile("x%d%.*M"), [1L, 4097L, Base], Memory, "identifier 'n' at t.frs:1:9"));
        Assert.Equal("4097 is too many bytes for a memory dump", e.Message);
        Assert.Equal("identifier 'n' at t.frs:1:9", e.Near);
        Assert.Equal(0, buffer.Length);

        e = Assert.Throws<ScriptError>(() => ScriptPrinter.Sprintf(Fmt.Compile("%.5000m"), [Base], memory: Memory));
        Assert.Equal("5000 is too many bytes for a memory dump", e.Message);

        // A huge star value is checked as given, before the int truncation the printing applies.
        e = Assert.Throws<ScriptError>(() => ScriptPrinter.Sprintf(Fmt.Compile("%.*m"), [0x1_0000_0001L, Base], memory: Memory));
        Assert.Equal("4294967297 is too many bytes for a memory dump", e.Message);
    }

    [Fact]
    public void APageIsAllowed()
    {
        var page = new byte[4096];
        Array.Fill(page, (byte)'z');
        Assert.Equal(new string('z', 4096), ScriptPrinter.Sprintf(Fmt.Compile("%.4096m"), [Base], 8192, new FakeMemory(Base, page)));
    }

    [Fact]
    public void UnreadableMemoryIsAReadFaultAtTheFirstBadByteAndPrintsNothing()
    {
        var sink = new CapturedOutput();
        var buffer = new OutputBuffer(sink);
        var e = Assert.Throws<ScriptError>(() =>
            ScriptPrinter.Printf(buffer, Fmt.Compile("before %.20m"), [Base + 10], Memory, "identifier 'p' at t.frs:3:4"));
        Assert.Equal($"read fault [man error::fault] at 0x{Base + 14:x}", e.Message);
        Assert.Equal("ERROR: read fault [man error::fault] at 0x7f000000100e near identifier 'p' at t.frs:3:4", e.Report);
        Assert.True(e.Catchable);
        Assert.Equal(0, buffer.Length);
    }

    [Fact]
    public void WithoutAReaderEveryDumpFaultsAtItsAddress()
    {
        var e = Assert.Throws<ScriptError>(() => Fmt.Printf("%M", 0x1000L));
        Assert.Equal("read fault [man error::fault] at 0x1000", e.Message);
        e = Assert.Throws<ScriptError>(() => Fmt.Sprintf("%m", -4096L));
        Assert.Equal("read fault [man error::fault] at 0xfffffffffffff000", e.Message);
    }

    [Fact]
    public void OnlyBytesThatFitTheOutputAreRead()
    {
        // sprintf's window is 512 bytes: 509 spaces leave room for 1 hex pair (2 of the 3 left bytes; the last is the NUL).
        string s = ScriptPrinter.Sprintf(Fmt.Compile("%509s%.100M"), ["", Base + 10], memory: Memory);
        Assert.Equal(new string(' ', 509) + "6c", s);
    }
}
