using System.Text;
using FlightRec.Runner.Terminal;

namespace FlightRec.Runner.Tests;

/// <summary>frrun run in-process on captured streams: what a user would see, and the exit status.</summary>
internal sealed record FrrunRun(int ExitCode, string Stdout, string Stderr)
{
    public static readonly FixedClock Clock = new(new DateTimeOffset(2024, 3, 5, 14, 7, 9, TimeSpan.Zero));

    public static FrrunRun Of(params string[] args)
    {
        var stdout = new StringWriter();
        var bytes = new MemoryStream();
        var stderr = new StringWriter();
        int code = FrrunProgram.Run(args, new StandardStreams(stdout, bytes, stderr, ErrorIsTerminal: false), Clock);
        return new FrrunRun(code, stdout.ToString() + Encoding.UTF8.GetString(bytes.ToArray()), stderr.ToString());
    }
}
