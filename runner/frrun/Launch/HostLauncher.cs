using System.Diagnostics;
using System.Globalization;
using FlightRec.Runner.CommandLine;
using FlightRec.Runner.Terminal;

namespace FlightRec.Runner.Launch;

/// <summary>
/// Starts <c>frrun --host MODULE.dll …</c> as a child and waits for its one line: <c>ready NAME
/// PID</c> (the host has detached from our stdio and runs on its own), or <c>ERROR: …</c>, which
/// is shown as it is. A host that ends without either died during start-up.
/// </summary>
internal static class HostLauncher
{
    private const string ReadyPrefix = "ready ";
    private const int ExitWaitMs = 5000;

    /// <summary>
    /// The host's command line (after frrun's own path): DESIGN.md's host protocol.
    /// <paramref name="consumerPid"/> is the frrun that will attach and stream: a module that
    /// stops at once (exit() in begin) then waits for it instead of finishing alone.
    /// </summary>
    public static IReadOnlyList<string> HostArguments(FrrunOptions options, int? targetPid, int? consumerPid)
    {
        var args = new List<string> { "--host", Path.GetFullPath(options.ModulePath!) };
        if (options.Rename)
        {
            args.Add("--rename");
        }

        if (options.Overwrite || options.Mode == FrrunMode.LoadOnly)
        {
            args.Add("--overwrite");
        }

        if (options.BufferMegabytes is int mb)
        {
            args.AddRange(["--buffer-mb", mb.ToString(CultureInfo.InvariantCulture)]);
        }

        if ((targetPid ?? options.TargetPid) is int pid)
        {
            args.AddRange(["--target", pid.ToString(CultureInfo.InvariantCulture)]);
        }

        // Only the -c command ends the run when it exits; an -x process just names target(), as in stap.
        if (targetPid is not null)
        {
            args.Add("--stop-with-target");
        }

        if (consumerPid is int consumer)
        {
            args.AddRange(["--consumer", consumer.ToString(CultureInfo.InvariantCulture)]);
        }

        args.AddRange(options.ModuleOptions);
        return args;
    }

    /// <summary>The ready host, or null after telling the user why there is none.</summary>
    public static LaunchedHost? Launch(FrrunOptions options, int? targetPid, int? consumerPid, Diagnostics diagnostics)
    {
        var (file, prefix) = SelfCommand.Resolve();
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in prefix.Concat(HostArguments(options, targetPid, consumerPid)))
        {
            start.ArgumentList.Add(arg);
        }

        using var host = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        host.StandardInput.Close();
        var stderr = host.StandardError.ReadToEndAsync();
        while (host.StandardOutput.ReadLine() is { } line)
        {
            if (line.StartsWith("ERROR: ", StringComparison.Ordinal))
            {
                diagnostics.ModuleLine(line + "\n");
                return null;
            }

            if (TryParseReady(line) is { } ready)
            {
                return ready;
            }
        }

        diagnostics.Error(DiedDuringStartup(host, stderr));
        return null;
    }

    public static LaunchedHost? TryParseReady(string line)
    {
        if (!line.StartsWith(ReadyPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        string[] words = line[ReadyPrefix.Length..].Split(' ');
        return words.Length == 2 && words[0].Length > 0
            && int.TryParse(words[1], NumberStyles.None, CultureInfo.InvariantCulture, out int pid) && pid > 0
            ? new LaunchedHost(words[0], pid)
            : null;
    }

    private static string DiedDuringStartup(Process host, Task<string> stderr)
    {
        string status = host.WaitForExit(ExitWaitMs) ? $"exit status {host.ExitCode}" : "it closed its output";
        string firstLine = stderr.Wait(ExitWaitMs) ? stderr.Result.Split('\n')[0].Trim() : "";
        return firstLine.Length == 0
            ? $"the module host died during start-up ({status})"
            : $"the module host died during start-up ({status}): {firstLine}";
    }
}
