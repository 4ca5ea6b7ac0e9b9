using System.Globalization;
using FlightRec.Runtime.Output;

namespace FlightRec.Runtime.Statistics;

/// <summary>
/// The line stap's synthesized end probe prints for a stats global that is written but never
/// read (LANGUAGE.md §5.16, src elaborate.cxx): <c>NAME @count=4 @min=1 @max=4 @sum=10 @avg=2</c>,
/// or <c>NAME @count=0x0</c> when empty — a literal in stap's generated printf, not a format.
/// For array elements the caller passes <c>NAME[KEY,…]</c> as the name.
/// </summary>
public static class StatsDisplay
{
    public static string Line(string name, in StatsSnapshot stats) =>
        stats.IsEmpty
            ? $"{name} @count=0x0\n"
            : string.Create(
                CultureInfo.InvariantCulture,
                $"{name} @count={stats.Count} @min={stats.Min()} @max={stats.Max()} @sum={stats.Sum} @avg={stats.Avg()}\n");

    public static void Append(OutputBuffer output, string name, in StatsSnapshot stats) => output.Append(Line(name, stats));
}
