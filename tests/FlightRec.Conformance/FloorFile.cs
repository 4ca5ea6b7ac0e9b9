using System.Globalization;

namespace FlightRec.Conformance;

/// <summary>
/// floors.tsv: the pass count each implemented kind must not drop below. Listing a kind
/// here is what marks it implemented, so it is also the default selection.
/// </summary>
internal static class FloorFile
{
    public const string FileName = "floors.tsv";

    private const string Header = "kind\tfloor";

    /// <summary>Kinds in file order, with their floors.</summary>
    public static IReadOnlyList<KeyValuePair<string, int>> Read(string path)
    {
        string[] lines = File.ReadAllLines(path);
        if (lines.Length == 0 || lines[0] != Header)
        {
            throw new FormatException($"{path}: expected the header 'kind<TAB>floor'");
        }

        var floors = new List<KeyValuePair<string, int>>();
        for (int n = 1; n < lines.Length; n++)
        {
            if (lines[n].Length == 0)
            {
                continue;
            }

            string[] f = lines[n].Split('\t');
            if (f.Length != 2 || !int.TryParse(f[1], NumberStyles.None, CultureInfo.InvariantCulture, out int floor))
            {
                throw new FormatException($"{path}:{n + 1}: expected 'kind<TAB>count'");
            }

            floors.Add(new(f[0], floor));
        }

        return floors;
    }

    public static void Write(string path, IEnumerable<KeyValuePair<string, int>> floors)
    {
        var text = new System.Text.StringBuilder(Header).Append('\n');
        foreach (var (kind, floor) in floors)
        {
            text.Append(kind).Append('\t').Append(floor.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        File.WriteAllText(path, text.ToString());
    }
}
