using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.InteropServices;
using FlightRec.Runtime.Linux;

namespace FlightRec.Compiler.Running;

/// <summary>
/// Pass 5: frrun as a child process sharing frstap's terminal and standard streams, with the
/// signals sent to frstap passed on to it, as stap passes them to staprun. The exit status is
/// frrun's (the module's); a child killed by a signal gives 128 + the signal, as a shell reports it.
/// </summary>
public sealed class FrrunSession
{
    private const PosixSignal SigQuit = (PosixSignal)3;
    private const PosixSignal SigUsr1 = (PosixSignal)10;
    private const PosixSignal SigUsr2 = (PosixSignal)12;

    private readonly object _gate = new();
    private Process? _child;

    /// <summary>Starts frrun and waits for it; null when it could not be started, with the reason.</summary>
    public int? Run(FrrunProgram program, IReadOnlyList<string> arguments, out string? startError)
    {
        var start = new ProcessStartInfo(program.FileName) { UseShellExecute = false };
        foreach (string argument in program.LeadingArguments.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        // Typed at the terminal, Ctrl-C and Ctrl-\ already reach frrun (same process group):
        // passing them on too would count twice, and frrun stops hard on a third interrupt.
        bool terminalReachesChild = TerminalForeground.IsForegroundProcessGroup();

        // A signal ignored when frstap started (a background job of a non-interactive shell, some
        // test runners) would stay ignored despite the registrations below, as frrun knows too.
        foreach (int signal in (int[])[1, 2, 3, 10, 12, 15])
        {
            _ = SignalDisposition.ResetToDefault(signal);
        }

        var registrations = new List<PosixSignalRegistration>
        {
            PosixSignalRegistration.Create(PosixSignal.SIGINT, c => Forward(c, 2, !terminalReachesChild)),
            PosixSignalRegistration.Create(SigQuit, c => Forward(c, 3, !terminalReachesChild)),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => Forward(c, 15, true)),
            PosixSignalRegistration.Create(PosixSignal.SIGHUP, c => Forward(c, 1, true)),
            PosixSignalRegistration.Create(SigUsr1, c => Forward(c, 10, true)),
            PosixSignalRegistration.Create(SigUsr2, c => Forward(c, 12, true)),
        };
        try
        {
            Process child;
            lock (_gate)
            {
                try
                {
                    child = Process.Start(start) ?? throw new Win32Exception("no process was started");
                }
                catch (Win32Exception e)
                {
                    startError = e.Message;
                    return null;
                }

                _child = child;
            }

            child.WaitForExit();
            startError = null;
            return child.ExitCode;
        }
        finally
        {
            foreach (var registration in registrations)
            {
                registration.Dispose();
            }
        }
    }

    private void Forward(PosixSignalContext context, int signal, bool send)
    {
        context.Cancel = true;
        lock (_gate)
        {
            if (send && _child is { HasExited: false } child)
            {
                _ = ProcessSignals.Send(child.Id, signal);
            }
        }
    }
}
