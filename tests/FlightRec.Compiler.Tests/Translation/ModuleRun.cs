using System.Text;
using FlightRec.Runtime.Execution;
using FlightRec.Runtime.Module;
using FlightRec.Runtime.Output;

namespace FlightRec.Compiler.Tests.Translation;

/// <summary>
/// Runs a module in this process as the runtime conformance driver does: begin probes, each
/// timer probe fired in turn until the script exits (at most <see cref="MaxHits"/> rounds, as
/// if Ctrl-C came then), end probes; returns stdout and stderr.
/// </summary>
internal static class ModuleRun
{
    public const int MaxHits = 1000;

    public static (string Stdout, string Stderr) Run(ProbeModule module)
    {
        var sink = new Sink();
        var errors = new StringWriter { NewLine = "\n" };
        using (var session = new ScriptSession(module, sink, errors))
        {
            var context = session.CreateContext(cpu: 0);
            session.Start(context);
            var events = module.Probes.Where(p => p.Kind == ProbeKind.Event).ToList();
            for (int hit = 0; hit < MaxHits && events.Count > 0 && session.State == SessionState.Running; hit++)
            {
                foreach (var probe in events)
                {
                    session.Fire(probe, context);
                }
            }

            session.Stop(context);
        }

        return (sink.Text, errors.ToString());
    }

    private sealed class Sink : IOutputSink
    {
        private readonly List<byte> _bytes = [];

        public string Text => Encoding.Latin1.GetString([.. _bytes]);

        public void Commit(ReadOnlySpan<byte> output) => _bytes.AddRange(output.ToArray());
    }
}
