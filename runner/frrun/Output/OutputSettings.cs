namespace FlightRec.Runner.Output;

/// <summary>
/// The consumer's output options: the -o pattern (made absolute when parsed, as staprun does,
/// so a background consumer can change directory), and -S.
/// </summary>
internal sealed record OutputSettings(string? FilePattern, RotationLimit Rotation)
{
    /// <summary>Bulk mode without -o still writes per-CPU files (staprun's <c>stpd_cpuN</c>), named after frrun.</summary>
    public const string DefaultBulkPattern = "frrun";

    public static OutputSettings Stdout => new(null, RotationLimit.None);

    /// <summary>Opens the output: files are created (truncated) now, so a bad path fails before anything runs.</summary>
    /// <exception cref="OutputFileException">A file could not be named or opened.</exception>
    public IDataOutput Open(bool bulk, int cpuCount, Stream stdout, TimeProvider clock)
    {
        if (bulk)
        {
            string pattern = FilePattern ?? Path.GetFullPath(DefaultBulkPattern);
            return new BulkFileOutput(new OutputFileNames(pattern, Rotation.Rotates, clock), Rotation, cpuCount);
        }

        return FilePattern is null
            ? new StandardOutput(stdout)
            : new StreamFileOutput(new OutputFileNames(FilePattern, Rotation.Rotates, clock), Rotation);
    }
}
