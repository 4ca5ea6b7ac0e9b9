using System.Runtime.InteropServices;

namespace FlightRec.Runtime.Linux;

/// <summary>The ids of the calling thread and process that <see cref="Environment"/> does not give (uids: <see cref="UserIds"/>).</summary>
public static partial class ProcessIds
{
    public static int ThreadId => gettid();

    public static int ParentProcessId => getppid();

    public static uint GroupId => getgid();

    public static uint EffectiveGroupId => getegid();

    [LibraryImport("libc")]
    private static partial int gettid();

    [LibraryImport("libc")]
    private static partial int getppid();

    [LibraryImport("libc")]
    private static partial uint getgid();

    [LibraryImport("libc")]
    private static partial uint getegid();
}
