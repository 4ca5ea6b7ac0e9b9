using BenchmarkDotNet.Attributes;
using FlightRec.Runtime.Formatting;
using FlightRec.Runtime.Output;

namespace FlightRec.Benchmarks.Runtime;

/// <summary>
/// Formatted output as generated code calls it: arguments as a stack-built span, format
/// compiled once. <c>printf("%s %d %x\n", s, 42, 255)</c> into the handler buffer (goal
/// ≤ 150 ns, 0 bytes), the same through sprintf into a caller window (0 bytes) and to a
/// string (the string is the only allocation), and two wider formats for scale.
/// 100 calls per invocation so the figure per call is the Mean.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class PrintfBenchmarks
{
    private const int Calls = 100;

    private readonly CompiledFormat _mixed = Compile("%s %d %x\n");
    private readonly CompiledFormat _padded = Compile("%-16s|%#018x|%+08.3d|%10.4s|%c\n");
    private readonly CompiledFormat _println = PrintFormats.Print([FormatArgumentType.Long], newline: true);
    private readonly byte[] _window = new byte[512];
    private string _name = "";
    private long _value;
    private OutputBuffer _output = null!;

    [GlobalSetup]
    public void Setup()
    {
        _name = "syscall.openat";
        _value = 42;
        _output = new OutputBuffer(new DiscardingSink());
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Calls)]
    public void PrintfToHandlerBuffer()
    {
        for (int i = 0; i < Calls; i++)
        {
            ScriptPrinter.Printf(_output, _mixed, [_name, _value, 255L]);
        }
    }

    [Benchmark(OperationsPerInvoke = Calls)]
    public int SprintfToWindow()
    {
        int total = 0;
        for (int i = 0; i < Calls; i++)
        {
            total += ScriptPrinter.Sprintf(_window, _mixed, [_name, _value, 255L]);
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = Calls)]
    public string SprintfToString()
    {
        string last = "";
        for (int i = 0; i < Calls; i++)
        {
            last = ScriptPrinter.Sprintf(_mixed, [_name, _value, 255L]);
        }

        return last;
    }

    [Benchmark(OperationsPerInvoke = Calls)]
    public void PrintfFlagsWidthsPrecisions()
    {
        for (int i = 0; i < Calls; i++)
        {
            ScriptPrinter.Printf(_output, _padded, [_name, _value, -_value, _name, 65L]);
        }
    }

    [Benchmark(OperationsPerInvoke = Calls)]
    public void PrintlnLong()
    {
        for (int i = 0; i < Calls; i++)
        {
            ScriptPrinter.Printf(_output, _println, [_value]);
        }
    }

    private static CompiledFormat Compile(string format) =>
        FormatString.Parse(format).Format ?? throw new InvalidOperationException(format);

    private sealed class DiscardingSink : IOutputSink
    {
        public void Commit(ReadOnlySpan<byte> output)
        {
        }
    }
}
