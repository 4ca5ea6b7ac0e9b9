namespace FlightRec.Conformance;

/// <summary>Reads manifest.tsv (see the corpus README for the columns).</summary>
internal static class Manifest
{
    public const string FileName = "manifest.tsv";

    private static readonly string[] Columns = ["id", "path", "kind", "args", "expected", "origin", "notes"];

    public static IReadOnlyList<ManifestRow> Read(string path)
    {
        string[] lines = File.ReadAllLines(path);
        if (lines.Length == 0 || !lines[0].Split('\t').SequenceEqual(Columns))
        {
            throw new FormatException($"{path}: expected the header '{string.Join("\\t", Columns)}'");
        }

        var rows = new List<ManifestRow>(lines.Length - 1);
        for (int n = 1; n < lines.Length; n++)
        {
            if (lines[n].Length == 0)
            {
                continue;
            }

            string[] f = lines[n].Split('\t');
            if (f.Length != Columns.Length)
            {
                throw new FormatException($"{path}:{n + 1}: expected {Columns.Length} tab-separated columns, found {f.Length}");
            }

            rows.Add(new ManifestRow(f[0], f[1], f[2], f[3], f[4], f[5], f[6]));
        }

        return rows;
    }
}
