using FlightRec.Runner.CommandLine;
using FlightRec.Runner.Terminal;
using FlightRec.Runner.Consumer;
using FlightRec.Runner.Output;
using FlightRec.Runtime.Transport;

namespace FlightRec.Runner.Sessions;

/// <summary>
/// frrun -D NAME: everything the rings retain, oldest first, to stdout or the -o files, and the
/// retained messages to stderr — without consuming anything. Works on a dead host's files,
/// and says first that the buffers are recovered ones.
/// </summary>
internal sealed class SessionDumper(FrrunOptions options, StandardStreams streams, Diagnostics diagnostics, TimeProvider clock)
{
    public int Run(string name)
    {
        var paths = ExistingSession.Find(name, diagnostics);
        if (paths is null)
        {
            return 1;
        }

        SessionInfo? info = null;
        try
        {
            using var header = SessionHeader.Open(paths.HeaderPath, writable: false);
            info = header.Info;
            if (!header.IsHostAlive())
            {
                diagnostics.Warning(SessionMessages.NotRunning(name, info.HostPid));
            }
        }
        catch (UnauthorizedAccessException)
        {
            diagnostics.Error(SessionMessages.PermissionDenied(name));
            return 1;
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            // The dump reports an unreadable header itself and reads the rings regardless.
        }

        IDataOutput output;
        try
        {
            // Without a header the CPU count is unknown: bulk files need it, so fall back to one stream.
            output = options.Output.Open(info?.Bulk ?? false, info?.CpuCount ?? 1, streams.OutBytes, clock);
        }
        catch (OutputFileException e)
        {
            diagnostics.Error(e.Message);
            return 1;
        }

        using (output)
        {
            // A dump shows every retained message: stapio's deduplication is for a live stream.
            var printer = new MessagePrinter(diagnostics, options.SuppressWarnings, verbose: true);
            SessionDump.Dump(paths, new ConsumerSink(output, printer));
            output.Flush();
        }

        return 0;
    }
}
