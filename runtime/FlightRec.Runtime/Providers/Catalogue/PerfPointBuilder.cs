using FlightRec.Runtime.Providers.Perf;
using FlightRec.Runtime.Providers.Processes;

namespace FlightRec.Runtime.Providers.Catalogue;

/// <summary>
/// <c>perf.type(T).config(C)[.sample(N)|.hz(F)][.process|.process("PATH")]</c>, checked as stap's
/// perf builder checks it (period at least 1, PATH found as process("PATH") finds it) and written
/// as <see cref="PerfProbePoint"/>. <c>.counter("NAME")</c> (read by <c>@perf</c>) is recognised
/// so that it fails with a sentence, not a mismatch: FlightRec has no counters yet.
/// </summary>
public sealed class PerfPointBuilder(Func<string?> searchPath) : IProbePointBuilder
{
    public PerfPointBuilder()
        : this(() => Environment.GetEnvironmentVariable("PATH"))
    {
    }

    public ProbeBuildResult Build(IReadOnlyList<ProbePointPart> parts)
    {
        long type = Number(parts, "type") ?? 0;
        long config = Number(parts, "config") ?? 0;
        if (parts.Any(p => p.Name == "counter"))
        {
            return ProbeBuildResult.Failure("perf counters (.counter and @perf) are not implemented yet");
        }

        if (type < 0 || type > uint.MaxValue)
        {
            return ProbeBuildResult.Failure($"invalid perf event type {type}");
        }

        if (config < 0)
        {
            return ProbeBuildResult.Failure($"invalid perf event config {config}");
        }

        PerfSampling sampling;
        if (Number(parts, "hz") is long hertz)
        {
            if (hertz < 1)
            {
                return ProbeBuildResult.Failure($"invalid perf sample frequency {hertz}");
            }

            sampling = PerfSampling.Frequency((ulong)hertz);
        }
        else
        {
            long period = Number(parts, "sample") ?? (long)PerfProbePoint.DefaultPeriod;
            if (period < 1)
            {
                return ProbeBuildResult.Failure($"invalid perf sample period {period}");
            }

            sampling = PerfSampling.Period((ulong)period);
        }

        var scope = PerfProcessScope.SystemWide;
        string? path = null;
        if (parts.FirstOrDefault(p => p.Name == "process") is { Name: not null } process)
        {
            if (process.Kind == ProbeArgumentKind.String && string.IsNullOrEmpty(process.Text))
            {
                return ProbeBuildResult.Failure("empty module");
            }

            scope = process.Kind == ProbeArgumentKind.String ? PerfProcessScope.Executable : PerfProcessScope.Target;
            path = process.Kind == ProbeArgumentKind.String ? ExecutablePath.Find(process.Text!, searchPath()) : null;
        }

        var point = new PerfProbePoint((uint)type, (ulong)config, sampling, scope, path);
        return ProbeBuildResult.Of(new ResolvedProbePoint(point.ToString()));
    }

    private static long? Number(IReadOnlyList<ProbePointPart> parts, string name) =>
        parts.FirstOrDefault(p => p.Name == name && p.Kind == ProbeArgumentKind.Number) is { Name: not null } part ? part.Number : null;
}
