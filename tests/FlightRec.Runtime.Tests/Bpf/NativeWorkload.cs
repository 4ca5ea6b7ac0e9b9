using System.Diagnostics;
using Xunit.Abstractions;

namespace FlightRec.Runtime.Tests.Bpf;

/// <summary>
/// A small C program compiled with the system's cc into a temporary directory, for workloads
/// whose memory layout the test must control. Without cc the tests log and pass, except on CI.
/// </summary>
internal sealed class NativeWorkload : IDisposable
{
    private NativeWorkload(string directory, string path)
    {
        Directory = directory;
        Path = path;
    }

    public string Directory { get; }

    /// <summary>The executable; its file name is the process's comm.</summary>
    public string Path { get; }

    public static NativeWorkload? Compile(string name, string source, ITestOutputHelper log)
    {
        string directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"frbpf-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(directory);
        string sourcePath = System.IO.Path.Combine(directory, name + ".c");
        string path = System.IO.Path.Combine(directory, name);
        File.WriteAllText(sourcePath, source);
        string? reason;
        try
        {
            var (exitCode, output) = Run("cc", ["-O1", "-o", path, sourcePath]);
            reason = exitCode == 0 ? null : $"cc failed ({exitCode}): {output}";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            reason = $"no C compiler: {e.Message}";
        }

        if (reason is null)
        {
            return new NativeWorkload(directory, path);
        }

        System.IO.Directory.Delete(directory, recursive: true);
        Assert.False(
            string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase),
            $"CI needs a C compiler: {reason}");
        log.WriteLine($"not run: {reason}");
        return null;
    }

    /// <summary>Runs <paramref name="program"/> to its end; its exit code and standard output (standard error appended).</summary>
    public static (int ExitCode, string Output) Run(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
