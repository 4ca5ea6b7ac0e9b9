using System.Collections;
using System.Runtime.InteropServices;

namespace FlightRec.Runtime.Linux;

/// <summary>
/// posix_spawnp(3) for a child whose raw wait status matters (frrun -c reports "exited with
/// signal N" apart from "status N", which System.Diagnostics.Process folds into one exit code).
/// The child gets every signal at its default disposition and none blocked: the runtime
/// ignores SIGPIPE, and a command must not inherit that.
/// </summary>
public static unsafe partial class ProcessSpawn
{
    private const short POSIX_SPAWN_SETSIGDEF = 0x04;
    private const short POSIX_SPAWN_SETSIGMASK = 0x08;

    // Opaque glibc types, given more room than they need (posix_spawnattr_t is 336 bytes, sigset_t 128).
    private const int AttributesSize = 1024;
    private const int SignalSetSize = 256;

    /// <summary>Starts <paramref name="file"/> (searched in PATH) with <paramref name="argv"/> and this process's environment; returns its pid.</summary>
    public static int Start(string file, IReadOnlyList<string> argv)
    {
        var environment = new List<string>();
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            environment.Add($"{entry.Key}={entry.Value}");
        }

        byte** args = ToNative(argv);
        byte** env = ToNative(environment);
        byte* path = (byte*)Marshal.StringToCoTaskMemUTF8(file);
        byte* attributes = stackalloc byte[AttributesSize];
        byte* signals = stackalloc byte[SignalSetSize];
        try
        {
            Check("posix_spawnattr_init", posix_spawnattr_init(attributes));
            try
            {
                _ = sigfillset(signals);
                Check("posix_spawnattr_setsigdefault", posix_spawnattr_setsigdefault(attributes, signals));
                _ = sigemptyset(signals);
                Check("posix_spawnattr_setsigmask", posix_spawnattr_setsigmask(attributes, signals));
                Check("posix_spawnattr_setflags", posix_spawnattr_setflags(attributes, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK));
                int pid;
                Check("posix_spawnp", posix_spawnp(&pid, path, null, attributes, args, env));
                return pid;
            }
            finally
            {
                _ = posix_spawnattr_destroy(attributes);
            }
        }
        finally
        {
            Marshal.FreeCoTaskMem((nint)path);
            Free(args);
            Free(env);
        }
    }

    // posix_spawn functions return the error number instead of setting errno.
    private static void Check(string call, int error)
    {
        if (error != 0)
        {
            throw Errno.Error(call, error);
        }
    }

    private static byte** ToNative(IReadOnlyList<string> strings)
    {
        var array = (byte**)NativeMemory.AllocZeroed((nuint)(strings.Count + 1), (nuint)sizeof(byte*));
        for (int i = 0; i < strings.Count; i++)
        {
            array[i] = (byte*)Marshal.StringToCoTaskMemUTF8(strings[i]);
        }

        return array;
    }

    private static void Free(byte** array)
    {
        for (byte** p = array; *p != null; p++)
        {
            Marshal.FreeCoTaskMem((nint)(*p));
        }

        NativeMemory.Free(array);
    }

    [LibraryImport("libc")]
    private static partial int posix_spawnp(int* pid, byte* file, void* fileActions, void* attributes, byte** argv, byte** envp);

    [LibraryImport("libc")]
    private static partial int posix_spawnattr_init(void* attributes);

    [LibraryImport("libc")]
    private static partial int posix_spawnattr_destroy(void* attributes);

    [LibraryImport("libc")]
    private static partial int posix_spawnattr_setflags(void* attributes, short flags);

    [LibraryImport("libc")]
    private static partial int posix_spawnattr_setsigdefault(void* attributes, void* signals);

    [LibraryImport("libc")]
    private static partial int posix_spawnattr_setsigmask(void* attributes, void* signals);

    [LibraryImport("libc")]
    private static partial int sigfillset(void* signals);

    [LibraryImport("libc")]
    private static partial int sigemptyset(void* signals);
}
