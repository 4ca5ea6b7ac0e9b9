using System.Runtime.InteropServices;

namespace FlightRec.Runner.Consumer;

/// <summary>
/// The signals a consumer acts on (LANGUAGE.md §10.3), counted here and acted on by the
/// consumer loop: SIGINT/SIGTERM/SIGHUP ask the module to stop (the third forces frrun out
/// at once, as stapio does), SIGQUIT detaches, SIGUSR2 switches the output file. With -c,
/// SIGINT belongs to the command (it shares the terminal) and frrun ignores it, as stapio does.
/// </summary>
internal sealed class ConsumerSignals : IDisposable
{
    public const int ForcedExitInterrupts = 3;

    private const PosixSignal SigQuit = (PosixSignal)3;
    private const PosixSignal SigUsr2 = (PosixSignal)12;

    private readonly List<PosixSignalRegistration> _registrations = [];
    private readonly Action _forceExit;
    private int _interrupts;
    private int _quits;
    private int _switches;

    /// <param name="forceExit">Run on the signal thread by the third interrupt: the consumer may be stuck.</param>
    public ConsumerSignals(bool commandOwnsInterrupt, Action forceExit)
    {
        _forceExit = forceExit;
        foreach (int signal in (int[])[2, 3, 15, 1, 12])
        {
            FlightRec.Runtime.Linux.SignalDisposition.ResetToDefault(signal);
        }

        _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, commandOwnsInterrupt ? Ignore : OnInterrupt));
        _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnInterrupt));
        _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGHUP, OnInterrupt));
        _registrations.Add(PosixSignalRegistration.Create(SigQuit, OnQuit));
        _registrations.Add(PosixSignalRegistration.Create(SigUsr2, OnSwitch));
    }

    /// <summary>SIGINT/SIGTERM/SIGHUP received so far.</summary>
    public int Interrupts => Volatile.Read(ref _interrupts);

    public bool QuitRequested => Volatile.Read(ref _quits) > 0;

    /// <summary>SIGUSR2 received so far; the consumer switches once per signal it has not yet handled.</summary>
    public int SwitchRequests => Volatile.Read(ref _switches);

    private void OnInterrupt(PosixSignalContext context)
    {
        context.Cancel = true;
        if (Interlocked.Increment(ref _interrupts) == ForcedExitInterrupts)
        {
            _forceExit();
        }
    }

    private void OnQuit(PosixSignalContext context)
    {
        context.Cancel = true;
        Interlocked.Increment(ref _quits);
    }

    private void OnSwitch(PosixSignalContext context)
    {
        context.Cancel = true;
        Interlocked.Increment(ref _switches);
    }

    private static void Ignore(PosixSignalContext context) => context.Cancel = true;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
    }
}
