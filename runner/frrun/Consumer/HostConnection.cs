using FlightRec.Runner.Terminal;
using FlightRec.Runner.Sessions;
using FlightRec.Runtime.Host;
using FlightRec.Runtime.Transport;

namespace FlightRec.Runner.Consumer;

/// <summary>Connecting to a session's host and claiming the consumer role, with the user's line for each way that fails.</summary>
internal static class HostConnection
{
    private const int StartingRetries = 50;
    private const int RetryDelayMs = 100;

    /// <summary>
    /// A connection to the host, or null: with <paramref name="hostGone"/> true when no host
    /// runs any more (nothing reported: the caller decides), else after reporting the failure.
    /// A host that is still starting may not listen yet: it gets a few seconds.
    /// </summary>
    public static ControlClient? Connect(SessionPaths paths, SessionHeader header, Diagnostics diagnostics, out bool hostGone)
    {
        hostGone = false;
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                return ControlClient.Connect(paths);
            }
            catch (IOException e)
            {
                if (header.State is HostState.Stopping or HostState.Exited)
                {
                    // The module stopped with nobody attached: the host is on its way out.
                    HostExit.Await(header);
                }

                if (!header.IsHostAlive())
                {
                    hostGone = true;
                    return null;
                }

                if (header.State != HostState.Starting || attempt == StartingRetries)
                {
                    diagnostics.Error(SessionMessages.CannotConnect(paths.Name, header.Info.HostPid, e.Message));
                    return null;
                }
            }

            Thread.Sleep(RetryDelayMs);
        }
    }

    /// <summary>Claims the consumer role; a refusal is reported, a broken connection left to the caller (with its reason).</summary>
    public static AttachOutcome Attach(ControlClient client, string name, Diagnostics diagnostics, out string? failure)
    {
        failure = null;
        try
        {
            var result = client.Attach();
            if (result.Ok)
            {
                return AttachOutcome.Attached;
            }

            diagnostics.Error(SessionMessages.Busy(name, result.BusyPid));
        }
        catch (UnauthorizedAccessException)
        {
            diagnostics.Error(SessionMessages.PermissionDenied(name));
        }
        catch (IOException e)
        {
            failure = $"module {name}: {e.Message}";
            return AttachOutcome.Lost;
        }

        return AttachOutcome.Refused;
    }
}
