namespace FlightRec.Benchmarks.Compiler;

/// <summary>
/// The repository checkout the benchmarks run from: the first directory holding FlightRec.sln
/// above the current directory or the benchmark's binaries (BenchmarkDotNet runs them from a
/// generated folder under bin/).
/// </summary>
internal static class RepositoryRoot
{
    public static string Find()
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "FlightRec.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException("FlightRec.sln not found above the current directory or the benchmark binaries");
    }
}
