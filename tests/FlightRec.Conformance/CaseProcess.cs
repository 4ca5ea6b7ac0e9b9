using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace FlightRec.Conformance;

/// <summary>Runs frstap once, without a shell, capturing stdout as raw bytes (run cases compare byte for byte).</summary>
internal static class CaseProcess
{
    private static readonly byte[] Marker = Encoding.ASCII.GetBytes(CasePlan.InterruptMarker);

    public static async Task<ProcessOutcome> RunAsync(string frstap, string corpus, CasePlan plan)
    {
        var psi = new ProcessStartInfo
        {
            WorkingDirectory = corpus,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardErrorEncoding = Encoding.UTF8,
        };

        // A framework-dependent build can be given as its .dll when the apphost is missing.
        if (frstap.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            psi.FileName = "dotnet";
            psi.ArgumentList.Add(frstap);
        }
        else
        {
            psi.FileName = frstap;
        }

        foreach (string a in plan.Arguments)
        {
            psi.ArgumentList.Add(a);
        }

        if (plan.TapsetDirectory is not null)
        {
            psi.Environment["FLIGHTREC_TAPSET"] = plan.TapsetDirectory;
        }

        using var process = new Process { StartInfo = psi };
        var clock = Stopwatch.StartNew();
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            return new ProcessOutcome(-1, false, clock.Elapsed, [], "", e.Message);
        }

        // Nothing is fed on stdin; closing it keeps a script path of "-" from waiting forever.
        process.StandardInput.Close();
        Task<byte[]> stdout = ReadStdoutAsync(process, plan.NeedsInterrupt);
        Task<string> stderr = process.StandardError.ReadToEndAsync();

        bool timedOut = false;
        using (var deadline = new CancellationTokenSource(plan.KillAfter))
        {
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                timedOut = true;
                Kill(process);
                await process.WaitForExitAsync();
            }
        }

        TimeSpan elapsed = clock.Elapsed;
        return new ProcessOutcome(process.ExitCode, timedOut, elapsed, await stdout, await stderr);
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited between the timeout and the kill.
        }
    }

    /// <summary>
    /// Collects stdout; when asked, sends SIGINT once the start marker has appeared, as the
    /// testsuite's stap_run does for scripts that never call exit().
    /// </summary>
    private static async Task<byte[]> ReadStdoutAsync(Process process, bool interrupt)
    {
        var all = new MemoryStream();
        var buffer = new byte[16 * 1024];
        Stream stream = process.StandardOutput.BaseStream;
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            long scanFrom = Math.Max(0, all.Length - Marker.Length + 1);
            all.Write(buffer, 0, read);
            if (interrupt && all.GetBuffer().AsSpan((int)scanFrom, (int)(all.Length - scanFrom)).IndexOf(Marker) >= 0)
            {
                NativeMethods.Interrupt(process.Id);
                interrupt = false;
            }
        }

        return all.ToArray();
    }
}
