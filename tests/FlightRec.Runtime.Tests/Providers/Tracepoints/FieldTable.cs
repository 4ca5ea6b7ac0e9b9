using FlightRec.Runtime.Providers.Tracepoints;

namespace FlightRec.Runtime.Tests.Providers.Tracepoints;

/// <summary>Fields as one line each, so a whole parsed format compares against a golden table.</summary>
internal static class FieldTable
{
    public const string Header = "name|ctype|offset|size|signed|array|dataloc|string|integer";

    public static string[] Of(IEnumerable<TracepointField> fields) =>
        [Header, .. fields.Select(f =>
            $"{f.Name}|{f.CType}|{f.Offset}|{f.Size}|{Bit(f.IsSigned)}|{f.ArrayLength}|{Bit(f.IsDataLoc)}|{Bit(f.IsString)}|{Bit(f.IsInteger)}")];

    private static int Bit(bool value) => value ? 1 : 0;
}
