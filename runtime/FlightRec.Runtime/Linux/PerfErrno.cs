namespace FlightRec.Runtime.Linux;

/// <summary>The errno values perf_event_open and its ioctls return, and their symbols for messages.</summary>
public static class PerfErrno
{
    public const int E2BIG = 7;
    public const int EBADF = 9;
    public const int ENOMEM = 12;
    public const int EFAULT = 14;
    public const int EBUSY = 16;
    public const int ENODEV = 19;
    public const int EINVAL = 22;
    public const int EMFILE = 24;
    public const int ENOSPC = 28;
    public const int EOVERFLOW = 75;
    public const int EOPNOTSUPP = 95;

    public static string Name(int errno) => errno switch
    {
        Errno.EPERM => "EPERM",
        Errno.ENOENT => "ENOENT",
        Errno.ESRCH => "ESRCH",
        Errno.EINTR => "EINTR",
        E2BIG => "E2BIG",
        EBADF => "EBADF",
        Errno.EAGAIN => "EAGAIN",
        ENOMEM => "ENOMEM",
        Errno.EACCES => "EACCES",
        EFAULT => "EFAULT",
        EBUSY => "EBUSY",
        ENODEV => "ENODEV",
        EINVAL => "EINVAL",
        EMFILE => "EMFILE",
        ENOSPC => "ENOSPC",
        Errno.ENOSYS => "ENOSYS",
        EOVERFLOW => "EOVERFLOW",
        EOPNOTSUPP => "EOPNOTSUPP",
        _ => $"errno {errno}",
    };
}
