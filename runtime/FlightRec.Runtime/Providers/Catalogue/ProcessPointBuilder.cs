using FlightRec.Runtime.Providers.Processes;

namespace FlightRec.Runtime.Providers.Catalogue;

/// <summary>
/// <c>process.begin/end/exec</c>, <c>process("PATH").begin/end/exec</c>, <c>process(PID).begin/end/exec</c>:
/// PATH resolved as stap's find_executable does (along $PATH when it has no '/', then made
/// canonical), so pp() shows the file that will be matched; a PID must name a running process,
/// with stap's words when it does not. An exec point's handler reads sched:sched_process_exec's
/// fields: <c>$filename</c>, <c>$pid</c>, <c>$old_pid</c> (stable since Linux 3.4, so pass 2 names
/// them without tracefs, as it resolves begin/end without it).
/// </summary>
public sealed class ProcessPointBuilder(Func<string?> searchPath, Func<int, bool> processExists) : IProbePointBuilder
{
    private static readonly ProbeTargetVariable[] ExecVariables =
    [
        new("$filename", ProbeValueType.String, "__data_loc char[]"),
        new("$pid", ProbeValueType.Long, "pid_t"),
        new("$old_pid", ProbeValueType.Long, "pid_t"),
    ];

    public ProcessPointBuilder()
        : this(() => Environment.GetEnvironmentVariable("PATH"), pid => Directory.Exists($"/proc/{pid}"))
    {
    }

    public ProbeBuildResult Build(IReadOnlyList<ProbePointPart> parts)
    {
        var process = parts[0];
        var kind = parts[^1].Name switch
        {
            "end" => ProcessProbeEvent.End,
            "exec" => ProcessProbeEvent.Exec,
            _ => ProcessProbeEvent.Begin,
        };
        switch (process.Kind)
        {
            case ProbeArgumentKind.String when string.IsNullOrEmpty(process.Text):
                return ProbeBuildResult.Failure("empty module");
            case ProbeArgumentKind.String:
                string path = ExecutablePath.Find(process.Text!, searchPath());
                return Point(new ProcessProbePoint(ProcessSelectorKind.Path, path, 0, kind));
            case ProbeArgumentKind.Number when process.Number <= 0 || process.Number > int.MaxValue:
                return ProbeBuildResult.Failure($"cannot probe pid {process.Number}: Invalid pid");
            case ProbeArgumentKind.Number when !processExists((int)process.Number):
                return ProbeBuildResult.Failure($"cannot probe pid {process.Number}: No such process");
            case ProbeArgumentKind.Number:
                return Point(new ProcessProbePoint(ProcessSelectorKind.Pid, null, (int)process.Number, kind));
            default:
                return Point(new ProcessProbePoint(ProcessSelectorKind.All, null, 0, kind));
        }
    }

    private static ProbeBuildResult Point(ProcessProbePoint point) => ProbeBuildResult.Of(
        new ResolvedProbePoint(point.ToString(), point.Event == ProcessProbeEvent.Exec ? ExecVariables : []));
}
