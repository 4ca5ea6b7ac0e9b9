namespace FlightRec.Conformance;

/// <summary>Finds the repository root, the folder that holds FlightRec.sln.</summary>
internal static class RepositoryLocator
{
    private const string SolutionFile = "FlightRec.sln";

    /// <summary>
    /// Walks up from the current directory, then from the tool's own folder, so the runner
    /// also works when started from outside the repository.
    /// </summary>
    public static string? Find()
        => WalkUp(Directory.GetCurrentDirectory()) ?? WalkUp(AppContext.BaseDirectory);

    private static string? WalkUp(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
