using System.Diagnostics;
using FlightRec.Runtime.Linux;

namespace FlightRec.Scenario.Tests.Harness;

/// <summary>
/// One running frrun (or any command of a scenario): its pipes captured as it writes, real
/// signals sent by kill(2), and a bounded wait for its end.
/// </summary>
internal sealed class FrrunProcess : IDisposable
{
    public const int SigInt = 2;
    public const int SigQuit = 3;
    public const int SigKill = 9;
    public const int SigUsr2 = 12;
    public const int SigTerm = 15;

    private static readonly TimeSpan PipeGrace = TimeSpan.FromSeconds(10);

    private readonly Process _process;
    private readonly CapturedStream _stdout;
    private readonly CapturedStream _stderr;

    private FrrunProcess(Process process, string commandLine)
    {
        _process = process;
        CommandLine = commandLine;
        _stdout = new CapturedStream(process.StandardOutput.BaseStream);
        _stderr = new CapturedStream(process.StandardError.BaseStream);
    }

    public string CommandLine { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public string StdoutSoFar => _stdout.Text;

    public string StderrSoFar => _stderr.Text;

    public static FrrunProcess Start(string program, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {program}");
        // No input: frrun must never wait for a terminal.
        process.StandardInput.Close();
        return new FrrunProcess(process, string.Join(' ', start.ArgumentList.Prepend(Path.GetFileName(program))));
    }

    public void Signal(int signal)
    {
        int errno = ProcessSignals.Send(Pid, signal);
        Assert.True(errno == 0, $"kill({Pid}, {signal}) failed: {Errno.Describe(errno)} ({CommandLine})");
    }

    /// <summary>kill -9: the process gets no chance to clean up.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }
    }

    /// <summary>
    /// Waits for the process and for the end of its output. A process it started that still
    /// holds the pipes (a host that did not detach its stdio) is a failure of its own.
    /// </summary>
    public FrrunResult WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            string soFar = $"stdout so far:\n{StdoutSoFar}\nstderr so far:\n{StderrSoFar}";
            Kill();
            Assert.Fail($"'{CommandLine}' did not finish within {timeout.TotalSeconds:0.#} s; killed it.\n{soFar}");
        }

        bool closed = _stdout.WaitForEnd(PipeGrace) & _stderr.WaitForEnd(PipeGrace);
        var result = new FrrunResult(_process.ExitCode, StdoutSoFar, StderrSoFar);
        Assert.True(closed, $"'{CommandLine}' exited but its stdout/stderr stayed open {PipeGrace.TotalSeconds} s longer: a process it started kept them.\n{result}");
        return result;
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
