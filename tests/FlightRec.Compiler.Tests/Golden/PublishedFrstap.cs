using System.Diagnostics;
using FlightRec.Conformance;

namespace FlightRec.Compiler.Tests.Golden;

/// <summary>
/// The frstap that a user runs: artifacts/bin/frstap under the repository root, published there
/// with frrun beside it (pass 5 runs the module through frrun). End-to-end tests skip without
/// it, except on CI, where its absence is a failure.
/// </summary>
internal static class PublishedFrstap
{
    public const string PublishCommand =
        "dotnet publish compiler/frstap -c Release --ucr -o artifacts/bin && dotnet publish runner/frrun -c Release --ucr -o artifacts/bin";

    /// <summary>A run that takes longer than this is a hang: the process is killed and the test fails.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static bool Required => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The published program, or null with the reason.</summary>
    public static string? Find(out string reason)
    {
        if (RepositoryLocator.Find() is not { } root)
        {
            reason = "FlightRec.sln not found above the test directory";
            return null;
        }

        string bin = Path.Combine(root, "artifacts", "bin");
        string program = Path.Combine(bin, "frstap");
        if (!File.Exists(program) || !File.Exists(Path.Combine(bin, "frrun")))
        {
            reason = $"frstap and frrun are not published (run '{PublishCommand}' in the repository root)";
            return null;
        }

        reason = "";
        return program;
    }

    /// <summary>
    /// Runs the program in <paramref name="workingDirectory"/> and returns its exit code and both
    /// streams as raw bytes: script output may hold any byte (%b, %c, NUL from %0s).
    /// </summary>
    public static (int ExitCode, byte[] Stdout, byte[] Stderr) Run(string program, IReadOnlyList<string> arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The published program must find its own tapset and frrun, as a user's would.
        start.Environment.Remove("FLIGHTREC_TAPSET");
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = new MemoryStream();
        var stderr = new MemoryStream();
        var copyOut = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        var copyErr = process.StandardError.BaseStream.CopyToAsync(stderr);
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"frstap {string.Join(' ', arguments)} did not finish in {Timeout.TotalSeconds} s");
        }

        Task.WaitAll(copyOut, copyErr);
        return (process.ExitCode, stdout.ToArray(), stderr.ToArray());
    }
}
