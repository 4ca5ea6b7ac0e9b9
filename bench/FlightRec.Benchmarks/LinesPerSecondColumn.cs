using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace FlightRec.Benchmarks;

/// <summary>Corpus lines divided by the mean time of one operation (one pass over every file).</summary>
internal sealed class LinesPerSecondColumn(Func<int> countLines) : IColumn
{
    private readonly Lazy<int> _lines = new(countLines);

    public string Id => nameof(LinesPerSecondColumn);

    public string ColumnName => "Lines/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => $"Corpus lines ({_lines.Value}) per second of mean time per operation";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        benchmarkCase.Descriptor.Type == typeof(ParseBenchmarks) && summary[benchmarkCase]?.ResultStatistics is { Mean: > 0 } stats
            ? (_lines.Value / (stats.Mean / 1e9)).ToString("N0", CultureInfo.InvariantCulture)
            : "-";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) =>
        summary.BenchmarksCases.Any(c => c.Descriptor.Type == typeof(ParseBenchmarks));
}
