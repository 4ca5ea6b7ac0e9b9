using System.Globalization;
using System.Text.RegularExpressions;

namespace FlightRec.Runtime.Providers.Perf;

/// <summary>
/// A resolved <c>perf.type(T).config(C).sample(N)</c> point, optionally <c>.hz(F)</c> instead of
/// <c>.sample(N)</c> and followed by <c>.process</c> or <c>.process("PATH")</c>. The text is what
/// pp() returns: as stap, the sample period is always shown (1000000 when the script gave none).
/// FR deviation: stap shows a frequency as <c>.sample(F)</c> too, losing the difference; FR keeps
/// <c>.hz(F)</c>, which is also how the host learns that the event is frequency-based.
/// </summary>
public sealed partial record PerfProbePoint(uint Type, ulong Config, PerfSampling Sampling, PerfProcessScope Scope, string? Path)
{
    /// <summary>stap's default sample period when a perf point has neither .sample nor .hz.</summary>
    public const ulong DefaultPeriod = 1_000_000;

    public const string Family = "perf";

    public override string ToString()
    {
        string rate = Sampling.IsFrequency ? "hz" : "sample";
        string scope = Scope switch
        {
            PerfProcessScope.Target => ".process",
            PerfProcessScope.Executable => $".process(\"{Path}\")",
            _ => "",
        };
        return string.Create(CultureInfo.InvariantCulture, $"{Family}.type({Type}).config({Config}).{rate}({Sampling.Value}){scope}");
    }

    /// <summary>Whether <paramref name="point"/> belongs to the perf family (well formed or not).</summary>
    public static bool IsPerfPoint(string point) => point.StartsWith(Family + ".", StringComparison.Ordinal);

    /// <summary>The point's parts, or null when it is not the canonical text <see cref="ToString"/> writes.</summary>
    public static PerfProbePoint? Parse(string point)
    {
        var match = CanonicalShape().Match(point);
        if (!match.Success
            || !uint.TryParse(match.Groups["type"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out uint type)
            || !ulong.TryParse(match.Groups["config"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out ulong config)
            || !ulong.TryParse(match.Groups["rate"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out ulong rate)
            || rate == 0)
        {
            return null;
        }

        var sampling = match.Groups["unit"].Value == "hz" ? PerfSampling.Frequency(rate) : PerfSampling.Period(rate);
        var scope = !match.Groups["process"].Success ? PerfProcessScope.SystemWide
            : match.Groups["path"].Success ? PerfProcessScope.Executable
            : PerfProcessScope.Target;
        string? path = scope == PerfProcessScope.Executable ? match.Groups["path"].Value : null;
        return new PerfProbePoint(type, config, sampling, scope, path);
    }

    [GeneratedRegex("""^perf\.type\((?<type>\d+)\)\.config\((?<config>\d+)\)\.(?<unit>sample|hz)\((?<rate>\d+)\)(?<process>\.process(\("(?<path>[^"]+)"\))?)?$""")]
    private static partial Regex CanonicalShape();
}
