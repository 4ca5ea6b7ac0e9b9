using System.Diagnostics;

namespace FlightRec.Runtime.Tests.Bpf;

/// <summary>openat(2) calls the tests make and look for: distinct paths that do not exist.</summary>
internal static class OpenatTraffic
{
    public static string NewPrefix() => Path.Combine(Path.GetTempPath(), $"frbpf-{Guid.NewGuid():N}-");

    /// <summary>open(path, O_RDONLY|O_CLOEXEC), which fails with ENOENT but is traced all the same.</summary>
    public static void OpenForRead(string path)
    {
        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read);
        }
        catch (FileNotFoundException)
        {
        }
    }

    /// <summary>open(path, O_WRONLY|O_CLOEXEC|O_SYNC), failing with ENOENT: flags other processes rarely use.</summary>
    public static void OpenForSyncWrite(string path)
    {
        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Write, FileShare.None, FileOptions.WriteThrough);
        }
        catch (FileNotFoundException)
        {
        }
    }

    /// <summary>Runs /bin/cat on <paramref name="path"/> and waits for it to exit with <paramref name="exitCode"/>; its pid.</summary>
    public static int RunCat(string path, int exitCode = 0)
    {
        var start = new ProcessStartInfo("/bin/cat", [path]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var cat = Process.Start(start)!;
        cat.StandardOutput.ReadToEnd();
        cat.StandardError.ReadToEnd();
        cat.WaitForExit();
        Assert.Equal(exitCode, cat.ExitCode);
        return cat.Id;
    }
}
