using System.Text;
using FlightRec.Runtime.Formatting;
using FlightRec.Runtime.Output;

namespace FlightRec.Runtime.Tests.Formatting;

/// <summary>print, println, printd, printdln, their sprint forms and print_char (printf.print, println, printd, out3 corpus).</summary>
public sealed class PrintFamilyTests
{
    private const FormatArgumentType L = FormatArgumentType.Long;
    private const FormatArgumentType S = FormatArgumentType.String;

    private static string Run(CompiledFormat format, params FormatArg[] args)
    {
        var sink = new CapturedOutput();
        var buffer = new OutputBuffer(sink);
        ScriptPrinter.Printf(buffer, format, args);
        buffer.Flush();
        return sink.Text;
    }

    [Fact]
    public void PrintConcatenatesWithoutSeparators()
    {
        Assert.Equal("hello world\n", Run(PrintFormats.Print([S, S, S, S], newline: false), "hello", " ", "world", "\n"));
        Assert.Equal("777", Run(PrintFormats.Print([L], newline: false), 777L));
        Assert.Equal("foo99\n", Run(PrintFormats.Print([S, L, S], newline: false), "foo", 99L, "\n"));
        Assert.Equal("99foo\n", Run(PrintFormats.Print([L, S, S], newline: false), 99L, "foo", "\n"));
        Assert.Equal("123456789\n", Run(PrintFormats.Print([L, L, L, S], newline: false), 123L, 456L, 789L, "\n"));
        Assert.Equal("-5", Run(PrintFormats.Print([L], newline: false), -5L));
    }

    [Fact]
    public void PrintlnAddsANewline()
    {
        Assert.Equal("hello world\n", Run(PrintFormats.Print([S, S, S], newline: true), "hello", " ", "world"));
        Assert.Equal(" \n", Run(PrintFormats.Print([S], newline: true), " "));
        Assert.Equal("777\n", Run(PrintFormats.Print([L], newline: true), 777L));
        Assert.Equal("hello999\n", Run(PrintFormats.Print([S, L], newline: true), "hello", 999L));
        Assert.Equal("\n", Run(PrintFormats.Print([], newline: true)));
    }

    [Fact]
    public void PrintlnOfThreeLongsIsTheFormatStapCompilesTo() =>
        Assert.Equal("%d%d%d\n", PrintFormats.Print([L, L, L], newline: true).Text);

    [Fact]
    public void PrintdPutsTheDelimiterBetweenValues()
    {
        Assert.Equal("hello world", Run(PrintFormats.PrintDelimited(" ", [S, S], newline: false), "hello", "world"));
        Assert.Equal("hello<-->world<-->777", Run(PrintFormats.PrintDelimited("<-->", [S, S, L], newline: false), "hello", "world", 777L));
        Assert.Equal("foo *** bar *** baz", Run(PrintFormats.PrintDelimited(" *** ", [S, S, S], newline: false), "foo", "bar", "baz"));
        Assert.Equal("1,a", Run(PrintFormats.PrintDelimited(",", [L, S], newline: false), 1L, "a"));
        Assert.Equal("999-hello\n", Run(PrintFormats.PrintDelimited("-", [L, S], newline: true), 999L, "hello"));
    }

    [Fact]
    public void APercentInTheDelimiterIsLiteral()
    {
        var format = PrintFormats.PrintDelimited("%d", [L, L], newline: false);
        Assert.Equal("1%d2", Run(format, 1L, 2L));
        Assert.Equal("%d%%d%d", format.Text);
    }

    [Fact]
    public void SprintFormsReturnTheText()
    {
        Assert.Equal("a1\n", ScriptPrinter.Sprintf(PrintFormats.Print([S, L], newline: true), ["a", 1L]));
        Assert.Equal("1, 2", ScriptPrinter.Sprintf(PrintFormats.PrintDelimited(", ", [L, L], newline: false), [1L, 2L]));
        Assert.Equal(511, ScriptPrinter.Sprintf(PrintFormats.Print([S, S], newline: false), [new string('a', 400), new string('b', 400)]).Length);
    }

    [Fact]
    public void PrintCharWritesOneByte()
    {
        var sink = new CapturedOutput();
        var buffer = new OutputBuffer(sink);
        for (int j = 0; j < 3000; j++)
        {
            for (long c = 'A'; c <= 'Z'; c++)
            {
                ScriptPrinter.PrintChar(buffer, c);
            }

            for (long c = 'a'; c <= 'z'; c++)
            {
                ScriptPrinter.PrintChar(buffer, c);
            }

            ScriptPrinter.PrintChar(buffer, 10);
        }

        ScriptPrinter.PrintChar(buffer, 0x1FF);
        buffer.Flush();
        var expected = string.Concat(Enumerable.Repeat("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz\n", 3000)) + "\u00ff";
        Assert.Equal(expected, Encoding.Latin1.GetString(sink.Bytes));
    }
}
