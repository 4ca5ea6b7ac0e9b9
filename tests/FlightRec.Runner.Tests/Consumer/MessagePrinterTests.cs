using System.Text;
using FlightRec.Runner.CommandLine;
using FlightRec.Runner.Consumer;
using FlightRec.Runner.Terminal;

namespace FlightRec.Runner.Tests.Consumer;

public class MessagePrinterTests
{
    private readonly StringWriter _stderr = new();

    [Fact]
    public void LinesArePrintedAsTheyCome()
    {
        var printer = Printer(suppressWarnings: false, verbose: false);

        Print(printer, "WARNING: low memory\n", "ERROR: division by zero near identifier 'x' at rec.stp:3:9\n", "plain text\n");

        Assert.Equal("WARNING: low memory\nERROR: division by zero near identifier 'x' at rec.stp:3:9\nplain text\n", _stderr.ToString());
    }

    [Fact]
    public void ALineWithoutItsNewlineGetsOne()
    {
        Print(Printer(false, false), "ERROR: cut short");

        Assert.Equal("ERROR: cut short\n", _stderr.ToString());
    }

    [Fact]
    public void AnErrorIsRemembered()
    {
        var printer = Printer(false, false);
        Print(printer, "WARNING: w\n", "text ERROR: not at the start\n");
        Assert.False(printer.SawError);

        Print(printer, "ERROR: e\n");
        Assert.True(printer.SawError);
    }

    [Fact]
    public void RepeatedWarningsArePrintedOnce()
    {
        Print(Printer(false, false), "WARNING: a\n", "WARNING: b\n", "WARNING: a\n", "ERROR: e\n", "ERROR: e\n");

        Assert.Equal("WARNING: a\nWARNING: b\nERROR: e\nERROR: e\n", _stderr.ToString());
    }

    [Fact]
    public void VerboseShowsEveryRepetition()
    {
        Print(Printer(false, verbose: true), "WARNING: a\n", "WARNING: a\n");

        Assert.Equal("WARNING: a\nWARNING: a\n", _stderr.ToString());
    }

    [Fact]
    public void TheTransportsLossReportsAreNeverDeduplicated()
    {
        var printer = Printer(false, false);
        printer.Print("WARNING: 2 records (64 bytes) were overwritten\n"u8, fromTransport: true);
        printer.Print("WARNING: 2 records (64 bytes) were overwritten\n"u8, fromTransport: true);

        Assert.Equal("WARNING: 2 records (64 bytes) were overwritten\nWARNING: 2 records (64 bytes) were overwritten\n", _stderr.ToString());
    }

    [Fact]
    public void SuppressedWarningsLeaveErrorsAndText()
    {
        var printer = Printer(suppressWarnings: true, false);
        Print(printer, "WARNING: a\n", "ERROR: e\n", "text\n");
        printer.Print("WARNING: 1 record (8 bytes) was dropped\n"u8, fromTransport: true);

        Assert.Equal("ERROR: e\ntext\n", _stderr.ToString());
    }

    [Fact]
    public void AfterRememberingTheirMaximumNewWarningsAreAllPrintedWithANotice()
    {
        var printer = Printer(false, false);
        for (int i = 0; i < 1024; i++)
        {
            Print(printer, $"WARNING: w{i}\n");
        }

        _stderr.GetStringBuilder().Clear();
        Print(printer, "WARNING: w0\n", "WARNING: new\n", "WARNING: new\n", "WARNING: other\n");

        Assert.Equal("WARNING deduplication table full\nWARNING: new\nWARNING: new\nWARNING: other\n", _stderr.ToString());
    }

    [Fact]
    public void ColourMarksTheTagAsStaprunDoes()
    {
        var printer = new MessagePrinter(new Diagnostics(_stderr, color: true), false, false);

        Print(printer, "ERROR: e\n", "WARNING: w\n", "text\n");

        Assert.Equal("\u001b[01;31m\u001b[KERROR:\u001b[m\u001b[K e\n\u001b[00;33m\u001b[KWARNING:\u001b[m\u001b[K w\ntext\n", _stderr.ToString());
    }

    [Theory]
    [InlineData("Always", false, true)]
    [InlineData("Never", true, false)]
    [InlineData("Auto", false, false)]
    public void ColourFollowsTheOptionAndTheTerminal(string mode, bool terminal, bool expected) =>
        Assert.Equal(expected, Diagnostics.UseColor(Enum.Parse<ColorMode>(mode), terminal));

    private MessagePrinter Printer(bool suppressWarnings, bool verbose) =>
        new(new Diagnostics(_stderr, color: false), suppressWarnings, verbose);

    private static void Print(MessagePrinter printer, params string[] lines)
    {
        foreach (string line in lines)
        {
            printer.Print(Encoding.UTF8.GetBytes(line));
        }
    }
}
