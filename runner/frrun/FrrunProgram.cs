using FlightRec.Runner.CommandLine;
using FlightRec.Runner.Terminal;
using FlightRec.Runner.Consumer;
using FlightRec.Runner.Launch;
using FlightRec.Runner.Output;
using FlightRec.Runner.Sessions;
using FlightRec.Runtime.Linux;

namespace FlightRec.Runner;

/// <summary>frrun's user-facing command (LANGUAGE.md §10.2): read the command line, then run the chosen mode.</summary>
internal static class FrrunProgram
{
    public static int Run(string[] args, StandardStreams streams, TimeProvider clock)
    {
        if (args is [BackgroundConsumer.Flag, ..])
        {
            ProcessSession.Detach();
            args = args[1..];
        }

        var outcome = FrrunCommandLine.Parse(args, Environment.CurrentDirectory, clock);
        var diagnostics = new Diagnostics(streams.Error, Diagnostics.UseColor(outcome.Options?.Color ?? ColorMode.Auto, streams.ErrorIsTerminal));
        if (outcome.Options is not { } options)
        {
            return Report(outcome, streams, diagnostics);
        }

        try
        {
            return Dispatch(options, streams, diagnostics, clock);
        }
        catch (OutputFileException e)
        {
            diagnostics.Error(e.Message);
            return 1;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug in frrun: one line rather than a stack trace.
            diagnostics.Error($"frrun internal error: {e.GetType().Name}: {e.Message}");
            return 1;
        }
    }

    private static int Dispatch(FrrunOptions options, StandardStreams streams, Diagnostics diagnostics, TimeProvider clock)
    {
        switch (options.Mode)
        {
            case FrrunMode.List:
                return new SessionLister(streams).Run();
            case FrrunMode.Dump:
                return new SessionDumper(options, streams, diagnostics, clock).Run(options.SessionName!);
            case FrrunMode.Delete:
                return new SessionRemover(options, streams, diagnostics).Run(options.SessionName!);
        }

        using var signals = new ConsumerSignals(commandOwnsInterrupt: options.TargetCommand is not null, ForceExit);
        if (options.Mode == FrrunMode.Attach)
        {
            return options.Background
                ? StartBackground(options, streams, diagnostics)
                : new AttachedConsumer(options, streams, diagnostics, signals, clock).Run(options.SessionName!);
        }

        return new ModuleRunner(options, streams, diagnostics, signals, clock).Run();

        // The third interrupt: stapio gives up on an orderly end; the module is told to stop already.
        void ForceExit()
        {
            streams.Error.Flush();
            Environment.Exit(1);
        }
    }

    private static int StartBackground(FrrunOptions options, StandardStreams streams, Diagnostics diagnostics) =>
        ExistingSession.Find(options.SessionName!, diagnostics) is null ? 1 : BackgroundConsumer.Start(options, options.SessionName!, streams);

    private static int Report(ParseOutcome outcome, StandardStreams streams, Diagnostics diagnostics)
    {
        if (outcome.Error is { } error)
        {
            if (outcome.ErrorIsTagged)
            {
                diagnostics.Error(error);
            }
            else
            {
                diagnostics.Plain(error);
            }
        }

        if (outcome.PrintUsage)
        {
            streams.Out.Write(UsageText.For(FrrunCommandLine.Program));
        }

        if (outcome.PrintVersion)
        {
            streams.Out.WriteLine(UsageText.VersionLine);
        }

        streams.Out.Flush();
        return outcome.ExitCode;
    }
}
