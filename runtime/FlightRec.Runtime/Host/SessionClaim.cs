using FlightRec.Runtime.Transport;

namespace FlightRec.Runtime.Host;

/// <summary>
/// One host per module name: the session directory is the claim (mkdir is atomic). An existing
/// directory is explained: a live host has the name, or a dead or finished one left a recording
/// that the user should dump and remove rather than have us overwrite.
/// </summary>
public static class SessionClaim
{
    public static SessionPaths Claim(string name, string root)
    {
        if (!SessionPaths.IsValidName(name))
        {
            throw new HostException($"Invalid module name '{name}' (should be 1-64 letters, digits or '_').");
        }

        var paths = SessionPaths.For(name, root);
        try
        {
            paths.CreateDirectory();
            return paths;
        }
        catch (IOException) when (paths.Exists)
        {
            throw new HostException(Occupied(paths));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HostException($"Couldn't create the session for module {name}: {e.Message}");
        }
    }

    /// <summary>Why <paramref name="paths"/> cannot be taken, in one line.</summary>
    public static string Occupied(SessionPaths paths)
    {
        string name = paths.Name;
        string cleanup = $"dump it with \"frrun -D {name}\" and remove it with \"frrun -d {name}\" first";
        SessionHeader header;
        try
        {
            header = SessionHeader.Open(paths.HeaderPath, writable: false);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return $"module {name} has a damaged session left behind; remove it with \"frrun -d {name}\" first";
        }

        using (header)
        {
            int pid = header.Info.HostPid;
            // An exited host may still be handing its recording over; the recording is what matters.
            if (header.State != HostState.Exited && header.IsHostAlive())
            {
                return $"module {name} is already loaded (host pid {pid})";
            }

            string what = header.State == HostState.Exited ? "has exited" : "is no longer running";
            return $"module {name} has a recording left by its host (pid {pid}, which {what}); {cleanup}";
        }
    }
}
