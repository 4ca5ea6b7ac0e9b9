namespace FlightRec.Conformance;

/// <summary>One row of the corpus's manifest.tsv; "-" columns are kept as "-".</summary>
internal sealed record ManifestRow(
    string Id,
    string Path,
    string Kind,
    string Args,
    string Expected,
    string Origin,
    string Notes);
