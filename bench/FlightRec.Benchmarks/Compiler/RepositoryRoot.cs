using System.Runtime.CompilerServices;

namespace FlightRec.Benchmarks.Compiler;

/// <summary>
/// The repository checkout the benchmarks run from: the first directory holding FlightRec.sln
/// above the current directory, the benchmark's binaries, or this source file as it was compiled
/// (BenchmarkDotNet runs its jobs from a generated folder beside the binaries, which may have been
/// built outside the checkout with -o).
/// </summary>
internal static class RepositoryRoot
{
    public static string Find([CallerFilePath] string sourceFile = "")
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) ?? "" })
        {
            for (var directory = start.Length > 0 ? new DirectoryInfo(start) : null; directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "FlightRec.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException("FlightRec.sln not found above the current directory, the benchmark binaries or the benchmark sources");
    }
}
