using System.Text;
using FlightRec.Runtime.Host;

namespace FlightRec.Runtime.Tests.Host;

/// <summary>
/// A host run on a thread of the test process (no detaching), under a test root; what it
/// writes to its stdout is captured so the test can wait for <c>ready NAME PID</c>.
/// </summary>
internal sealed class InProcessHost
{
    private readonly Capture _stdout = new();
    private readonly Thread _thread;
    private int _exitCode = -1;

    public InProcessHost(string root, params string[] args)
    {
        _thread = new Thread(() => _exitCode = HostProgram.Run(args, _stdout, detach: false, root)) { IsBackground = true };
        _thread.Start();
    }

    public string Stdout => _stdout.Text;

    /// <summary>The first line the host wrote (ready or ERROR), within 30 s.</summary>
    public string FirstLine()
    {
        Assert.True(_stdout.Line.Wait(TimeSpan.FromSeconds(30)), "the host wrote no line");
        return Stdout;
    }

    /// <summary>The host's exit status once it has returned, within 30 s.</summary>
    public int Join()
    {
        Assert.True(_thread.Join(TimeSpan.FromSeconds(30)), $"the host did not finish; it wrote: {Stdout}");
        return _exitCode;
    }

    public static int Run(string root, out string stdout, params string[] args)
    {
        var host = new InProcessHost(root, args);
        int code = host.Join();
        stdout = host.Stdout;
        return code;
    }

    private sealed class Capture : TextWriter
    {
        private readonly StringBuilder _text = new();

        public ManualResetEventSlim Line { get; } = new();

        public override Encoding Encoding => Encoding.UTF8;

        public string Text
        {
            get
            {
                lock (_text)
                {
                    return _text.ToString();
                }
            }
        }

        public override void Write(char value)
        {
            lock (_text)
            {
                _text.Append(value);
            }

            if (value == '\n')
            {
                Line.Set();
            }
        }
    }
}
