using System.Globalization;
using FlightRec.Compiler.Driver;

namespace FlightRec.Compiler.Running;

/// <summary>
/// frrun's command line for pass 5, built the way stap builds staprun's: one -v fewer than
/// frstap got, -w, -o, -c, -x, -S, -R unless the user named the module with -m, -L (or -F with
/// -o) for a flight-recorder launch, the module, and the -G settings as NAME=VALUE.
/// </summary>
public static class FrrunArguments
{
    public static IReadOnlyList<string> For(CompilerOptions options, string modulePath)
    {
        var arguments = new List<string>();
        for (int i = 1; i < options.Verbosity; i++)
        {
            arguments.Add("-v");
        }

        if (options.SuppressWarnings)
        {
            arguments.Add("-w");
        }

        var run = options.Run;
        if (run.OutputFile is { } output)
        {
            arguments.AddRange(["-o", output]);
        }

        if (run.Command is { } command)
        {
            arguments.AddRange(["-c", command]);
        }

        if (run.TargetPid is { } pid)
        {
            arguments.AddRange(["-x", pid.ToString(CultureInfo.InvariantCulture)]);
        }

        if (run.FlightRecorder)
        {
            arguments.Add(run.OutputFile is null ? "-L" : "-F");
        }

        if (options.ModuleName is null)
        {
            arguments.Add("-R");
        }

        if (run.Rotation is { } rotation)
        {
            arguments.AddRange(["-S", rotation]);
        }

        arguments.Add(modulePath);
        arguments.AddRange(options.GlobalAssignments);
        return arguments;
    }
}
