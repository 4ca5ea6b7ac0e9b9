namespace FlightRec.Conformance;

/// <summary>Compares pass counts with the floors, and raises floors (never lowers them).</summary>
internal static class FloorPolicy
{
    /// <summary>
    /// New floors: each measured kind's floor becomes max(floor, passed); a measured kind
    /// missing from the file is added, which is how a kind is declared implemented.
    /// </summary>
    public static List<KeyValuePair<string, int>> Raise(
        IReadOnlyList<KeyValuePair<string, int>> floors, IReadOnlyList<KeyValuePair<string, int>> passed)
    {
        var raised = floors.Select(f => new KeyValuePair<string, int>(
            f.Key,
            passed.FirstOrDefault(p => p.Key == f.Key) is { Key: not null } p ? Math.Max(f.Value, p.Value) : f.Value)).ToList();
        raised.AddRange(passed.Where(p => floors.All(f => f.Key != p.Key)));
        return raised;
    }

    /// <summary>Prints one FLOOR line per measured kind below its floor; true if none is.</summary>
    public static bool Check(
        TextWriter output, IReadOnlyList<KeyValuePair<string, int>> floors, IReadOnlyList<KeyValuePair<string, int>> passed)
    {
        bool met = true;
        foreach (var (kind, count) in passed)
        {
            foreach (var (floorKind, floor) in floors)
            {
                if (floorKind == kind && count < floor)
                {
                    output.WriteLine($"FLOOR {kind}: {count} passed, floor is {floor}");
                    met = false;
                }
            }
        }

        return met;
    }
}
