using System.ComponentModel;
using System.Runtime.InteropServices;

namespace FlightRec.Runtime.Linux;

/// <summary>errno values the bindings branch on, strerror, and the exception for a failed call.</summary>
public static class Errno
{
    public const int EPERM = 1;
    public const int ENOENT = 2;
    public const int ESRCH = 3;
    public const int EINTR = 4;
    public const int EAGAIN = 11;
    public const int EACCES = 13;
    public const int EEXIST = 17;
    public const int EISDIR = 21;
    public const int ENOSYS = 38;

    /// <summary>The errno of the last P/Invoke made with SetLastError.</summary>
    public static int Last => Marshal.GetLastPInvokeError();

    /// <summary>strerror(errno), e.g. "No such file or directory".</summary>
    public static string Describe(int errno) => new Win32Exception(errno).Message;

    /// <summary>An exception naming the call and strerror(errno), e.g. "timerfd_create: Too many open files".</summary>
    public static Win32Exception Error(string call, int errno) => new(errno, $"{call}: {Describe(errno)}");

    public static Win32Exception LastError(string call) => Error(call, Last);
}
