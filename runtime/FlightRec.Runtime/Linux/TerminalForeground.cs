using System.Runtime.InteropServices;

namespace FlightRec.Runtime.Linux;

/// <summary>
/// Whether this process belongs to its controlling terminal's foreground process group. When it
/// does, a Ctrl-C or Ctrl-\ typed there reaches every process of the group — a child started in the
/// same group included — so a parent must not forward those signals again (frrun would count two).
/// </summary>
public static partial class TerminalForeground
{
    private const int ReadOnly = 0;
    private const int NoControllingTerminal = 0x100; // O_NOCTTY
    private const int CloseOnExec = 0x80000; // O_CLOEXEC

    public static bool IsForegroundProcessGroup()
    {
        int fd = open("/dev/tty", ReadOnly | NoControllingTerminal | CloseOnExec);
        if (fd < 0)
        {
            return false; // no controlling terminal: signals come only from kill
        }

        try
        {
            int foreground = tcgetpgrp(fd);
            return foreground > 0 && foreground == getpgrp();
        }
        finally
        {
            _ = close(fd);
        }
    }

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int open(string path, int flags);

    [LibraryImport("libc")]
    private static partial int close(int fd);

    [LibraryImport("libc")]
    private static partial int tcgetpgrp(int fd);

    [LibraryImport("libc")]
    private static partial int getpgrp();
}
