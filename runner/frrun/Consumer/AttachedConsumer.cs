using FlightRec.Runner.CommandLine;
using FlightRec.Runner.Terminal;
using FlightRec.Runner.Launch;
using FlightRec.Runner.Output;
using FlightRec.Runner.Sessions;
using FlightRec.Runtime.Host;
using FlightRec.Runtime.Transport;

namespace FlightRec.Runner.Consumer;

/// <summary>
/// The attached consumer (plain launch and -A NAME): claims the session, then streams what
/// the rings hold to the output and stderr until the module exits, reacting to signals
/// between reads. When the rings are empty it waits for the host's <c>exited</c> for at most
/// -T ms; after <c>exited CODE</c> it drains everything, tells the host it is done and exits
/// with CODE. A module that finished while no consumer was attached is drained and removed.
/// </summary>
internal sealed class AttachedConsumer(FrrunOptions options, StandardStreams streams, Diagnostics diagnostics, ConsumerSignals signals, TimeProvider clock)
{
    // How long to wait, once the module has exited, for a -c command that ended with it to be reaped.
    private const int TargetReapWaitMs = 500;

    /// <summary>frrun -c: the command released after launch; its end stops the module.</summary>
    public TargetCommand? Target { get; init; }

    /// <summary>This frrun launched the module: if streaming cannot start, the module is stopped rather than left behind.</summary>
    public bool Launched { get; init; }

    public int Run(string name)
    {
        var paths = ExistingSession.Find(name, diagnostics);
        var header = paths is null ? null : ExistingSession.OpenHeader(paths, diagnostics);
        if (paths is null || header is null)
        {
            return 1;
        }

        using (header)
        {
            var client = HostConnection.Connect(paths, header, diagnostics, out bool hostGone);
            if (client is null)
            {
                return hostGone ? WithoutHost(paths, header) : 1;
            }

            string? failure;
            using (client)
            {
                switch (HostConnection.Attach(client, name, diagnostics, out failure))
                {
                    case AttachOutcome.Attached:
                        return Stream(paths, header, client);
                    case AttachOutcome.Refused:
                        return 1;
                }
            }

            // The host hung up: a module that stopped before anyone attached makes its host leave.
            HostExit.Await(header);
            if (!header.IsHostAlive())
            {
                return WithoutHost(paths, header);
            }

            diagnostics.Error(failure!);
            return 1;
        }
    }

    /// <summary>No host runs the session: deliver what a module that finished left, or point at -D/-d after a crash.</summary>
    private int WithoutHost(SessionPaths paths, SessionHeader header)
    {
        if (header.State == HostState.Exited)
        {
            return FinishExited(paths, header);
        }

        diagnostics.Error(SessionMessages.HostGone(paths.Name, header.Info.HostPid));
        return 1;
    }

    /// <summary>The module stopped with no consumer attached: its output waits in the rings; deliver it and clean up.</summary>
    private int FinishExited(SessionPaths paths, SessionHeader header)
    {
        int code;
        using (var reader = OpenReader(paths))
        {
            if (reader is null)
            {
                return 1;
            }

            using var output = OpenOutput(header.Info);
            if (output is null)
            {
                return 1;
            }

            var drain = new SessionDrain(reader, new ConsumerSink(output, NewPrinter()), header.Info.Bulk);
            drain.Everything();
            output.Flush();
            code = header.ExitCode;
        }

        paths.Delete();
        return code;
    }

    private int Stream(SessionPaths paths, SessionHeader header, ControlClient client)
    {
        using var reader = OpenReader(paths);
        using var output = reader is null ? null : OpenOutput(header.Info);
        if (reader is null || output is null)
        {
            Abandon(client);
            return 1;
        }

        var printer = NewPrinter();
        var drain = new SessionDrain(reader, new ConsumerSink(output, printer), header.Info.Bulk);
        var wakeup = header.Wakeup;
        bool exitRequested = false;
        bool targetReported = false;
        bool targetFailed = false;
        int switchesDone = 0;
        while (true)
        {
            if (signals.QuitRequested)
            {
                output.Flush();
                Quietly(client.Detach);
                diagnostics.Plain(SessionMessages.Disconnect(paths.Name));
                return 0;
            }

            if (!targetReported && Target?.ExitStatus is { } status)
            {
                targetReported = true;
                targetFailed = ReportTarget(status);
                exitRequested = exitRequested || RequestExit(client);
            }

            if (signals.Interrupts > 0 && !exitRequested)
            {
                exitRequested = RequestExit(client);
            }

            int switches = signals.SwitchRequests;
            if (switches != switchesDone)
            {
                switchesDone = switches;
                output.SwitchFile();
            }

            int wakeups = wakeup.Sequence;
            bool any = drain.Once();
            if (any)
            {
                output.Flush();
            }
            else
            {
                // The host wakes us before the timeout when a ring fills up or the module has exited.
                wakeup.Sleep(wakeups, options.ReaderTimeoutMs);
            }

            int? code;
            try
            {
                code = client.WaitForExit(0);
            }
            catch (IOException)
            {
                drain.Everything();
                output.Flush();
                diagnostics.Error(SessionMessages.HostDied(paths.Name, header.Info.HostPid));
                return 1;
            }

            if (code is int exitCode)
            {
                drain.Everything();
                output.Flush();
                if (!targetReported && Target is not null && Target.WaitForExit(TargetReapWaitMs))
                {
                    targetFailed = ReportTarget(Target.ExitStatus!.Value);
                }

                Quietly(client.Done);
                HostExit.Await(header);
                return exitCode == 0 && targetFailed ? 1 : exitCode;
            }
        }
    }

    /// <summary>stapio's warning for a failed -c command; true if it failed (frrun then exits with 1).</summary>
    private bool ReportTarget(Runtime.Linux.WaitStatus status)
    {
        if (TargetCommand.FailureWarning(status) is not { } warning)
        {
            return false;
        }

        diagnostics.Warning(warning);
        return true;
    }

    private static bool RequestExit(ControlClient client)
    {
        Quietly(client.RequestExit);
        return true;
    }

    /// <summary>Streaming could not start: give the session back, or stop a module this frrun launched.</summary>
    private void Abandon(ControlClient client)
    {
        if (!Launched)
        {
            Quietly(client.Detach);
            return;
        }

        Quietly(() =>
        {
            client.RequestExit();
            _ = client.WaitForExit(-1);
            client.Done();
        });
    }

    private SessionReader? OpenReader(SessionPaths paths)
    {
        try
        {
            return SessionReader.Open(paths);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            diagnostics.Error(SessionMessages.Unreadable(paths.Name, e.Message));
            return null;
        }
    }

    private IDataOutput? OpenOutput(SessionInfo info)
    {
        try
        {
            return options.Output.Open(info.Bulk, info.CpuCount, streams.OutBytes, clock);
        }
        catch (OutputFileException e)
        {
            diagnostics.Error(e.Message);
            return null;
        }
    }

    private MessagePrinter NewPrinter() => new(diagnostics, options.SuppressWarnings, options.Verbosity > 0);

    // The host may be gone by the time we speak to it; what matters then is what the rings hold.
    private static void Quietly(Action action)
    {
        try
        {
            action();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
