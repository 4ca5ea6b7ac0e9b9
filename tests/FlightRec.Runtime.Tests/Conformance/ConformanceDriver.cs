using System.Text;
using FlightRec.Runtime.Execution;
using FlightRec.Runtime.Module;
using FlightRec.Runtime.Tests.Execution;

namespace FlightRec.Runtime.Tests.Conformance;

/// <summary>
/// A minimal host: starts the session (begin probes), fires each event probe the number of times
/// the module asks for while the session is running, then stops it — which is also what a
/// SIGINT after "systemtap starting probe" does to a script that never calls exit().
/// </summary>
internal static class ConformanceDriver
{
    public static ConformanceResult Run(ConformanceModule module)
    {
        var sink = new CollectingSink();
        var errors = new StringWriter { NewLine = "\n" };
        using (var session = new ScriptSession(module, sink, errors))
        {
            var context = session.CreateContext(cpu: 0);
            module.Tapset.Output = context.Output;
            module.Tapset.Session = session;
            module.Tapset.Limits = session.Limits;
            session.Start(context);
            foreach (var probe in module.Probes.Where(p => p.Kind == ProbeKind.Event))
            {
                for (int i = 0; i < module.EventHits && session.State == SessionState.Running; i++)
                {
                    module.Tapset.ProbePoint = probe.Point;
                    module.Tapset.BeginHit();
                    session.Fire(probe, context);
                }
            }

            session.Stop(context);
        }

        return new ConformanceResult(Encoding.Latin1.GetBytes(sink.Text), errors.ToString());
    }
}
