using System.Runtime.InteropServices;

namespace FlightRec.Runtime.Linux;

/// <summary>getuid(2)/geteuid(2): who owns a session and who may touch it.</summary>
public static partial class UserIds
{
    public static uint RealUid() => GetUid();

    public static uint EffectiveUid() => GetEuid();

    [LibraryImport("libc", EntryPoint = "getuid")]
    private static partial uint GetUid();

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEuid();
}
