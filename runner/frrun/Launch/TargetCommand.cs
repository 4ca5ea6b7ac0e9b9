using FlightRec.Runtime.Linux;

namespace FlightRec.Runner.Launch;

/// <summary>
/// frrun -c CMD: the command is started at once but stopped before it executes anything of
/// its own, so the host can be given its pid as target() and arm its probes first; it is
/// released after <c>ready</c>. As stap does, CMD runs through <c>/bin/sh -c</c> when it has
/// shell metacharacters and is otherwise executed directly (after the shell's word expansion,
/// which is what stap's wordexp does), so its pid is the command's own.
/// </summary>
internal sealed class TargetCommand
{
    private const int SIGKILL = 9;
    private const int SIGCONT = 18;
    private const string Shell = "/bin/sh";

    // wordexp's WRDE_BADCHAR characters, and the command substitutions it refuses (WRDE_NOCMD).
    private const string Metacharacters = "|&;<>(){}\n`";

    private readonly ManualResetEventSlim _exited = new();
    private WaitStatus _status;

    private TargetCommand(int pid) => Pid = pid;

    public int Pid { get; }

    /// <summary>The command's wait status once it has ended.</summary>
    public WaitStatus? ExitStatus => _exited.IsSet ? _status : null;

    /// <summary>The argument vector of <c>/bin/sh</c> that stops itself, then runs <paramref name="command"/>.</summary>
    public static IReadOnlyList<string> ShellArguments(string command) =>
        command.IndexOfAny(Metacharacters.ToCharArray()) >= 0
            ? ["sh", "-c", "kill -STOP $$; exec /bin/sh -c \"$0\"", command]
            : ["sh", "-c", $"kill -STOP $$; exec {command}"];

    /// <summary>Starts the command and waits until it has stopped itself; <see cref="InvalidOperationException"/> with the user's line if it could not.</summary>
    public static TargetCommand Start(string command)
    {
        int pid = ProcessSpawn.Start(Shell, ShellArguments(command));
        var status = ChildWait.UntilStoppedOrExited(pid);
        if (!status.Stopped)
        {
            throw new InvalidOperationException($"the command '{command}' could not be started ({Describe(status)})");
        }

        return new TargetCommand(pid);
    }

    /// <summary>Lets the command run, and starts watching for its end.</summary>
    public void Resume()
    {
        var watcher = new Thread(() =>
        {
            _status = ChildWait.UntilExited(Pid);
            _exited.Set();
        })
        {
            IsBackground = true,
            Name = "frrun -c watcher",
        };
        watcher.Start();
        _ = ProcessSignals.Send(Pid, SIGCONT);
    }

    /// <summary>Waits up to <paramref name="timeoutMs"/> for the command to end (after <see cref="Resume"/>).</summary>
    public bool WaitForExit(int timeoutMs) => _exited.Wait(timeoutMs);

    /// <summary>The module could not be started: the command must not run at all (stapio kills it).</summary>
    public void Kill()
    {
        _ = ProcessSignals.Send(Pid, SIGKILL);
        _ = ChildWait.UntilExited(Pid);
    }

    /// <summary>stapio's warning for a command that failed, or null when it exited with status 0.</summary>
    public static string? FailureWarning(WaitStatus status) =>
        status.Signaled ? $"Child process exited with signal {status.TermSignal} ({SignalNames.Describe(status.TermSignal)})"
        : status.Exited && status.ExitCode != 0 ? $"Child process exited with status {status.ExitCode}"
        : null;

    private static string Describe(WaitStatus status) =>
        status.Signaled ? $"killed by signal {status.TermSignal}" : $"exit status {status.ExitCode}";
}
