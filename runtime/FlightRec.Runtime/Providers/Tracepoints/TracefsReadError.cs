namespace FlightRec.Runtime.Providers.Tracepoints;

/// <summary>The user-facing sentence for a tracefs file we could not read.</summary>
internal static class TracefsReadError
{
    public const string PermissionHint = "permission denied (tracepoints need root or read access to tracefs)";

    public static string CannotRead(string path, Exception error) => $"cannot read {path}: {Reason(path, error)}";

    private static string Reason(string path, Exception error)
    {
        // .NET reports EISDIR as UnauthorizedAccessException too; say which it was.
        if (Directory.Exists(path))
        {
            return "it is a directory";
        }

        if (error is UnauthorizedAccessException)
        {
            return PermissionHint;
        }

        if (error is FileNotFoundException or DirectoryNotFoundException)
        {
            return "no such file";
        }

        // IOException messages end with " : 'PATH'", which the sentence already names.
        string message = error.Message;
        int quoted = message.IndexOf(" : '", StringComparison.Ordinal);
        return (quoted > 0 ? message[..quoted] : message).TrimEnd('.').ToLowerInvariant();
    }
}
