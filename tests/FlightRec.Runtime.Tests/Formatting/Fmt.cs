using System.Text;
using FlightRec.Runtime.Formatting;
using FlightRec.Runtime.Output;

namespace FlightRec.Runtime.Tests.Formatting;

/// <summary>Test shorthands: compile a format and run printf/sprintf over it.</summary>
internal static class Fmt
{
    public static CompiledFormat Compile(string format, bool legacyPointer = false)
    {
        var result = FormatString.Parse(format, legacyPointer);
        return result.Format ?? throw new InvalidOperationException($"\"{format}\": {result.Error}");
    }

    /// <summary>printf into a fresh handler buffer; the bytes as a Latin-1 string.</summary>
    public static string Printf(string format, params FormatArg[] args) =>
        Encoding.Latin1.GetString(PrintfBytes(format, args));

    public static byte[] PrintfBytes(string format, params FormatArg[] args)
    {
        var sink = new CapturedOutput();
        var buffer = new OutputBuffer(sink);
        ScriptPrinter.Printf(buffer, Compile(format), args);
        buffer.Flush();
        return sink.Bytes;
    }

    public static string Sprintf(string format, params FormatArg[] args) =>
        ScriptPrinter.Sprintf(Compile(format), args);

    /// <summary>Runs several printf calls in one handler, as a script's probe body would.</summary>
    public static byte[] Handler(Action<OutputBuffer> body)
    {
        var sink = new CapturedOutput();
        var buffer = new OutputBuffer(sink);
        body(buffer);
        buffer.Flush();
        return sink.Bytes;
    }

    public static void Printf(OutputBuffer buffer, string format, params FormatArg[] args) =>
        ScriptPrinter.Printf(buffer, Compile(format), args);
}
