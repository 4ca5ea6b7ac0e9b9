namespace FlightRec.Compiler.Building;

/// <summary>
/// The result of pass 4: the module image, or — when Roslyn rejected the generated code, which is
/// always a compiler bug — the lines of the internal-error report, with the generated file kept.
/// </summary>
public sealed record ModuleBuildOutcome
{
    public byte[]? Image { get; init; }

    /// <summary>The generated C# in the run's work directory (kept with -k or after an internal error).</summary>
    public required string GeneratedSourcePath { get; init; }

    public CacheStatus Cache { get; init; }

    /// <summary>The cache entry read or written, when there is a cache.</summary>
    public string? CacheEntryPath { get; init; }

    /// <summary>The <see cref="ModuleCacheKey"/> of that entry (what a script cache entry points at).</summary>
    public string? CacheKey { get; init; }

    /// <summary>Empty on success; otherwise the report to print on standard error, one line per item.</summary>
    public IReadOnlyList<string> InternalError { get; init; } = [];

    public bool Succeeded => Image is not null;

    /// <summary>Writes the module to <paramref name="path"/> with <see cref="WriteImage"/>.</summary>
    public void WriteTo(string path) => WriteImage(Image ?? throw new InvalidOperationException("no module was built"), path);

    /// <summary>
    /// Writes <paramref name="image"/> to <paramref name="path"/> (e.g. ./NAME.dll for -p4) whole under a
    /// temporary name and renames it, so a concurrently starting frrun never loads half an assembly.
    /// </summary>
    public static void WriteImage(byte[] image, string path)
    {
        string temporary = $"{path}.{Environment.ProcessId}.tmp";
        File.WriteAllBytes(temporary, image);
        File.Move(temporary, path, overwrite: true);
    }
}
