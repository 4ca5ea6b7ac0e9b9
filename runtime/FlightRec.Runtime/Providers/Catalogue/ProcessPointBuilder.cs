using FlightRec.Runtime.Providers.Processes;

namespace FlightRec.Runtime.Providers.Catalogue;

/// <summary>
/// <c>process.begin/end</c>, <c>process("PATH").begin/end</c>, <c>process(PID).begin/end</c>:
/// PATH resolved as stap's find_executable does (along $PATH when it has no '/', then made
/// canonical), so pp() shows the file that will be matched; a PID must name a running process,
/// with stap's words when it does not.
/// </summary>
public sealed class ProcessPointBuilder(Func<string?> searchPath, Func<int, bool> processExists) : IProbePointBuilder
{
    public ProcessPointBuilder()
        : this(() => Environment.GetEnvironmentVariable("PATH"), pid => Directory.Exists($"/proc/{pid}"))
    {
    }

    public ProbeBuildResult Build(IReadOnlyList<ProbePointPart> parts)
    {
        var process = parts[0];
        bool isEnd = parts[^1].Name == "end";
        switch (process.Kind)
        {
            case ProbeArgumentKind.String when string.IsNullOrEmpty(process.Text):
                return ProbeBuildResult.Failure("empty module");
            case ProbeArgumentKind.String:
                string path = ExecutablePath.Find(process.Text!, searchPath());
                return Point(new ProcessProbePoint(ProcessSelectorKind.Path, path, 0, isEnd));
            case ProbeArgumentKind.Number when process.Number <= 0 || process.Number > int.MaxValue:
                return ProbeBuildResult.Failure($"cannot probe pid {process.Number}: Invalid pid");
            case ProbeArgumentKind.Number when !processExists((int)process.Number):
                return ProbeBuildResult.Failure($"cannot probe pid {process.Number}: No such process");
            case ProbeArgumentKind.Number:
                return Point(new ProcessProbePoint(ProcessSelectorKind.Pid, null, (int)process.Number, isEnd));
            default:
                return Point(new ProcessProbePoint(ProcessSelectorKind.All, null, 0, isEnd));
        }
    }

    private static ProbeBuildResult Point(ProcessProbePoint point) => ProbeBuildResult.Of(new ResolvedProbePoint(point.ToString()));
}
