namespace FlightRec.Compiler.Building;

/// <summary>
/// The temporary directory of one frstap run (like stap's /tmp/stapXXXXXX): it holds the generated
/// C# and the module built for pass 5, and is removed at the end unless -k asked to keep it or a
/// compiler bug needs the generated file kept for the report.
/// </summary>
public sealed class ModuleWorkDirectory : IDisposable
{
    private ModuleWorkDirectory(string path, bool keep)
    {
        Path = path;
        Kept = keep;
    }

    public string Path { get; }

    /// <summary>True when the directory survives <see cref="Dispose"/>.</summary>
    public bool Kept { get; private set; }

    /// <summary>Creates a fresh private (0700) directory under the system temporary directory.</summary>
    public static ModuleWorkDirectory Create(bool keep) => new(Directory.CreateTempSubdirectory("frstap").FullName, keep);

    public void Keep() => Kept = true;

    /// <summary>Writes <paramref name="text"/> to NAME in the directory and returns its full path.</summary>
    public string WriteFile(string name, string text)
    {
        string path = System.IO.Path.Combine(Path, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        if (Kept)
        {
            return;
        }

        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Leaving a temporary directory behind is not worth failing a run that otherwise worked.
        }
    }
}
