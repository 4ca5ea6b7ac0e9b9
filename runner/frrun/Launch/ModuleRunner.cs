using System.ComponentModel;
using FlightRec.Runner.CommandLine;
using FlightRec.Runner.Terminal;
using FlightRec.Runner.Consumer;
using FlightRec.Runner.Sessions;

namespace FlightRec.Runner.Launch;

/// <summary>
/// <c>frrun MODULE.dll</c>, <c>-L</c> and <c>-F</c>: start the -c command (stopped), launch the
/// host, then detach at once (-L), hand over to a background consumer (-F), or release the
/// command and stream as the attached consumer.
/// </summary>
internal sealed class ModuleRunner(FrrunOptions options, StandardStreams streams, Diagnostics diagnostics, ConsumerSignals signals, TimeProvider clock)
{
    public int Run()
    {
        string path = options.ModulePath!;
        if (!File.Exists(path))
        {
            string reason = Directory.Exists(path) ? "Is a directory" : "No such file or directory";
            diagnostics.Error($"Couldn't open module '{path}': {reason}");
            return 1;
        }

        TargetCommand? target = null;
        if (options.TargetCommand is { } command)
        {
            try
            {
                target = TargetCommand.Start(command);
            }
            catch (Exception e) when (e is InvalidOperationException or Win32Exception)
            {
                diagnostics.Error(e.Message);
                return 1;
            }
        }

        bool streaming = options.Mode == FrrunMode.Run && !options.Background;
        var host = HostLauncher.Launch(options, target?.Pid, streaming ? Environment.ProcessId : null, diagnostics);
        if (host is null)
        {
            target?.Kill();
            return 1;
        }

        if (options.Mode == FrrunMode.LoadOnly)
        {
            diagnostics.Plain(SessionMessages.Disconnect(host.Name));
            return 0;
        }

        if (options.Background)
        {
            return BackgroundConsumer.Start(options, host.Name, streams);
        }

        target?.Resume();
        var consumer = new AttachedConsumer(options, streams, diagnostics, signals, clock) { Target = target, Launched = true };
        return consumer.Run(host.Name);
    }
}
