using System.Runtime.InteropServices;

namespace FlightRec.Runtime.Linux;

/// <summary>
/// getrusage(2) CPU times of this process plus its waited-for children, in milliseconds: what
/// stap's per-pass "Nusr/Nsys" figures count (pass 5's time is mostly frrun's).
/// </summary>
public static partial class ResourceUsage
{
    private const int Self = 0;
    private const int Children = -1;

    public static (long UserMilliseconds, long SystemMilliseconds) ProcessAndChildren()
    {
        var self = Read(Self);
        var children = Read(Children);
        return (self.User + children.User, self.System + children.System);
    }

    private static (long User, long System) Read(int who)
    {
        Span<long> usage = stackalloc long[18]; // struct rusage: two timevals, then 14 longs
        return getrusage(who, ref MemoryMarshal.GetReference(usage)) != 0
            ? (0, 0)
            : ((usage[0] * 1000) + (usage[1] / 1000), (usage[2] * 1000) + (usage[3] / 1000));
    }

    [LibraryImport("libc")]
    private static partial int getrusage(int who, ref long usage);
}
