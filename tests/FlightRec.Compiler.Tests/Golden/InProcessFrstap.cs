using FlightRec.Compiler.Driver;
using FlightRec.Frstap;
using FlightRec.Runtime.Providers.Tracepoints;

namespace FlightRec.Compiler.Tests.Golden;

/// <summary>
/// Runs frstap's command line in this process with a chosen working directory and tapset
/// directory. frstap only learns the tapset directory from FLIGHTREC_TAPSET (and tracefs from
/// FLIGHTREC_TRACEFS), and relative
/// script paths from the working directory, both process-wide: hence the lock and the
/// <see cref="FrstapEnvironmentCollection"/>.
/// </summary>
internal static class InProcessFrstap
{
    private static readonly Lock Gate = new();

    /// <param name="tracefsDirectory">A fake tracefs for kernel.trace points; null keeps the machine's.</param>
    public static FrstapOutcome Run(IReadOnlyList<string> args, string workingDirectory, string tapsetDirectory,
        string? tracefsDirectory = null)
    {
        lock (Gate)
        {
            string previousDirectory = Environment.CurrentDirectory;
            string? previousTapset = Environment.GetEnvironmentVariable(TapsetLocator.EnvironmentVariable);
            string? previousTracefs = Environment.GetEnvironmentVariable(TracefsCatalogue.EnvironmentVariable);
            try
            {
                Environment.CurrentDirectory = workingDirectory;
                Environment.SetEnvironmentVariable(TapsetLocator.EnvironmentVariable, tapsetDirectory);
                if (tracefsDirectory is not null)
                {
                    Environment.SetEnvironmentVariable(TracefsCatalogue.EnvironmentVariable, tracefsDirectory);
                }

                using var stdout = new StringWriter { NewLine = "\n" };
                using var stderr = new StringWriter { NewLine = "\n" };
                int exit = FrstapCommandLine.Run([.. args], stdout, stderr);
                return new FrstapOutcome(exit, stdout.ToString(), stderr.ToString());
            }
            finally
            {
                Environment.SetEnvironmentVariable(TapsetLocator.EnvironmentVariable, previousTapset);
                Environment.SetEnvironmentVariable(TracefsCatalogue.EnvironmentVariable, previousTracefs);
                Environment.CurrentDirectory = previousDirectory;
            }
        }
    }
}
