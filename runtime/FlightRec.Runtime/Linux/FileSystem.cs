using System.Runtime.InteropServices;

namespace FlightRec.Runtime.Linux;

/// <summary>mkdir(2) with its errno: Directory.CreateDirectory succeeds on an existing directory, and a claim must not.</summary>
public static partial class FileSystem
{
    /// <summary>Creates one directory with the given mode (before umask); returns 0 or the errno.</summary>
    public static int MakeDirectory(string path, UnixFileMode mode)
    {
        if (Mkdir(path, (uint)mode) == 0)
        {
            // umask may have removed bits; owner-only modes are what we asked for, make them exact.
            File.SetUnixFileMode(path, mode);
            return 0;
        }

        return Marshal.GetLastPInvokeError();
    }

    [LibraryImport("libc", EntryPoint = "mkdir", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Mkdir(string path, uint mode);
}
