using FlightRec.Runner.CommandLine;
using FlightRec.Runner.Terminal;
using FlightRec.Runner.Consumer;
using FlightRec.Runtime.Transport;

namespace FlightRec.Runner.Sessions;

/// <summary>
/// frrun -d NAME: a running module is stopped as a consumer would stop it (its end probes
/// run; this frrun takes the consumer role, so a module with an attached consumer is refused,
/// as staprun refuses to remove an attached module) and its output discarded; then the
/// session is removed. <c>-d "*"</c> does this for every session.
/// </summary>
internal sealed class SessionRemover(FrrunOptions options, StandardStreams streams, Diagnostics diagnostics)
{
    public const string Everything = "*";

    public int Run(string name)
    {
        if (name != Everything)
        {
            return Remove(name);
        }

        int status = 0;
        foreach (string each in SessionPaths.ListNames())
        {
            status |= Remove(each);
        }

        return status;
    }

    private int Remove(string name)
    {
        var paths = ExistingSession.Find(name, diagnostics);
        var header = paths is null ? null : ExistingSession.OpenHeader(paths, diagnostics);
        if (paths is null || header is null)
        {
            return 1;
        }

        using (header)
        {
            if (header.IsHostAlive() && !Stop(paths, header))
            {
                return 1;
            }
        }

        paths.Delete();
        streams.Out.WriteLine(SessionMessages.Removed(name));
        streams.Out.Flush();
        return 0;
    }

    /// <summary>Stops a live host; false after reporting why it could not be.</summary>
    private bool Stop(SessionPaths paths, SessionHeader header)
    {
        var client = HostConnection.Connect(paths, header, diagnostics, out bool hostGone);
        if (client is null)
        {
            return hostGone;
        }

        using (client)
        {
            switch (HostConnection.Attach(client, paths.Name, diagnostics, out _))
            {
                case AttachOutcome.Refused:
                    return false;
                case AttachOutcome.Lost:
                    // The host is leaving on its own; its session is removed all the same.
                    HostExit.Await(header);
                    return true;
            }

            try
            {
                client.RequestExit();
                while (client.WaitForExit(options.ReaderTimeoutMs) is null)
                {
                }

                client.Done();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The host ended without the last word: its session is removed all the same.
            }
        }

        // The host removes the session itself after "done"; wait so the two removals do not race.
        HostExit.Await(header);
        return true;
    }
}
