namespace FlightRec.Runner.Output;

/// <summary>The strerror-style reason for a failed file operation, as staprun's perr() prints it.</summary>
internal static class IoErrorText
{
    public static string Describe(Exception error) => error switch
    {
        UnauthorizedAccessException => "Permission denied",
        DirectoryNotFoundException or FileNotFoundException => "No such file or directory",
        PathTooLongException => "File name too long",
        _ => error.Message,
    };
}
