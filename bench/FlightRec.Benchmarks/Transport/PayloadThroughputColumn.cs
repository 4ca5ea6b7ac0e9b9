using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace FlightRec.Benchmarks.Transport;

/// <summary>Payload bytes delivered per operation divided by the mean time, in GB/s (10⁹ bytes), for the drain benchmarks.</summary>
internal sealed class PayloadThroughputColumn : IColumn
{
    public string Id => nameof(PayloadThroughputColumn);

    public string ColumnName => "Payload GB/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Payload bytes delivered to the sink per operation, per second of mean time (10^9 bytes/s)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        if (summary[benchmarkCase]?.ResultStatistics is not { Mean: > 0 } stats
            || benchmarkCase.Parameters[nameof(SessionDrainBenchmarks.PayloadBytes)] is not int payload)
        {
            return "-";
        }

        long bytes = benchmarkCase.Descriptor.Type == typeof(SessionDrainBenchmarks) ? SessionDrainBenchmarks.PayloadBytesPerDrain(payload)
            : benchmarkCase.Descriptor.Type == typeof(SessionDumpBenchmarks) ? SessionDumpBenchmarks.PayloadBytesPerDump(payload)
            : 0;
        return bytes > 0 ? (bytes / stats.Mean).ToString("N2", CultureInfo.InvariantCulture) : "-";
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;
}
