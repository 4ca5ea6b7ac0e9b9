using FlightRec.Runner.Terminal;
using FlightRec.Runtime.Transport;

namespace FlightRec.Runner.Sessions;

/// <summary>Finds a session by module name for -A, -D and -d, saying why when there is none.</summary>
internal static class ExistingSession
{
    /// <summary>The session's paths, or null after reporting that no such module is loaded.</summary>
    public static SessionPaths? Find(string name, Diagnostics diagnostics)
    {
        var paths = SessionPaths.IsValidName(name) ? SessionPaths.For(name) : null;
        if (paths is null || !paths.Exists)
        {
            diagnostics.Error(SessionMessages.NotLoaded(name));
            return null;
        }

        return paths;
    }

    /// <summary>The session's header, or null after reporting why it cannot be read.</summary>
    public static SessionHeader? OpenHeader(SessionPaths paths, Diagnostics diagnostics)
    {
        try
        {
            return SessionHeader.Open(paths.HeaderPath, writable: false);
        }
        catch (UnauthorizedAccessException)
        {
            diagnostics.Error(SessionMessages.PermissionDenied(paths.Name));
        }
        catch (FileNotFoundException)
        {
            // A host claims the directory before it writes the header: it is still starting, or died doing so.
            diagnostics.Error(SessionMessages.Unreadable(paths.Name, "it has no session file yet"));
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            diagnostics.Error(SessionMessages.Unreadable(paths.Name, e.Message));
        }

        return null;
    }
}
