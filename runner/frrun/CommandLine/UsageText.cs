namespace FlightRec.Runner.CommandLine;

/// <summary>frrun's help, laid out as staprun's usage() (which prints it on stdout, also after an error).</summary>
internal static class UsageText
{
    public const string Version = "0.1";

    public static string VersionLine => $"FlightRec module loader/runner (version {Version})";

    public static string For(string program) =>
        $"""

        {program} [-v] [-w] [-V] [-h] [-u] [-c CMD | -x PID] [-L | -A NAME | -D NAME | -d NAME | -l] [-C WHEN]
        	[-b MB] [-R] [--overwrite] [-o FILE [-F] [-S SIZE[,N]]] [-T MS] MODULE.dll [NAME=VALUE ...]
        -v              Increase verbosity.
        -V              Print version number and exit.
        -h              Print this help text and exit.
        -w              Suppress warnings.
        -u              Accepted for staprun compatibility; does nothing.
        -c CMD          Command CMD will be run and frrun will
                        exit when it does.  The script's target()
                        will be the pid of the command.
        -x PID          Sets the script's target() to PID.
        -o FILE         Send output to FILE. This supports strftime(3)
                        formats for FILE.
        -b MB           The module specifies a buffer size.
                        Setting one here will override that value.  The
                        value should be an integer between 1 and 4095
                        which is the buffer size per CPU in MB.
        -L              Load module and start probes, then detach.
                        The buffers keep the newest data while detached.
        -A NAME         Attach to the loaded module NAME.
        -D NAME         Dump what the buffers of module NAME retain, oldest
                        first, without consuming it (also after a crash).
        -d NAME         Stop module NAME and delete it. Use "*" (quoted)
                        to delete all modules that have no consumer.
        -l, --list      List the loaded and recoverable modules.
        -C WHEN         Enable colored errors. WHEN must be either 'auto',
                        'never', or 'always'. Set to 'auto' by default.
        -R              Have frrun create a new name for the module before
                        loading it. This allows the same module to be loaded
                        more than once.
        --overwrite     When a buffer is full, overwrite its oldest data
                        instead of dropping new data.
        -F              Run in background. This requires '-o' option.
        -S SIZE[,N]     Switches output file to next file when the size
                        of file reaches the specified size. The value
                        should be an integer of at least 1 which is
                        assumed to be the maximum file size in MB.
                        When the number of output files exceeds N, the
                        oldest is removed. You can omit the second argument.
        -T MS           Specifies upper limit on amount of time the reader
                        will wait for new data. Value should be an
                        integer >= 1, which is timeout value in ms. Default 200ms.

        MODULE.dll is the path of a probe module built by frstap.
        NAME=VALUE sets the script global NAME before the begin probes run.

        """;
}
