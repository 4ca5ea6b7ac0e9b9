namespace FlightRec.Runtime.Transport;

/// <summary>
/// Where a module's session lives: one owner-only directory per module name under a tmpfs
/// root, holding the session header, one ring per CPU, the message ring and the control
/// socket. The root is <c>$FLIGHTREC_RUNTIME_DIR</c> (tests) or <c>/dev/shm/flightrec-UID</c>,
/// so the recording is pure memory and outlives the host process.
/// </summary>
public sealed class SessionPaths
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private SessionPaths(string name, string directory)
    {
        Name = name;
        Directory = directory;
    }

    public static string Root
    {
        get
        {
            string? configured = Environment.GetEnvironmentVariable("FLIGHTREC_RUNTIME_DIR");
            return string.IsNullOrEmpty(configured)
                ? $"/dev/shm/flightrec-{Linux.UserIds.RealUid()}"
                : configured;
        }
    }

    public string Name { get; }

    public string Directory { get; }

    public string HeaderPath => Path.Combine(Directory, "session");

    public string MessagesPath => Path.Combine(Directory, "messages.ring");

    public string ControlSocketPath => Path.Combine(Directory, "control.sock");

    public bool Exists => System.IO.Directory.Exists(Directory);

    public static SessionPaths For(string moduleName) => For(moduleName, Root);

    /// <summary>A session under another root (tests keep each session in its own directory).</summary>
    public static SessionPaths For(string moduleName, string root)
    {
        if (!IsValidName(moduleName))
        {
            throw new ArgumentException($"invalid module name '{moduleName}'", nameof(moduleName));
        }

        return new SessionPaths(moduleName, Path.Combine(root, moduleName));
    }

    /// <summary>Module names as stap allows them (letters, digits, underscore), so a name is never a path.</summary>
    public static bool IsValidName(string name) =>
        name.Length is > 0 and <= 64 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    public string RingPath(int cpu) => Path.Combine(Directory, $"cpu{cpu}.ring");

    /// <summary>The session directories under the root, sorted by name.</summary>
    public static IReadOnlyList<string> ListNames()
    {
        string root = Root;
        if (!System.IO.Directory.Exists(root))
        {
            return [];
        }

        return System.IO.Directory.GetDirectories(root)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(IsValidName)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Claims the name: creates the directory (0700), failing if it already exists.</summary>
    public void CreateDirectory()
    {
        string root = Path.GetDirectoryName(Directory)!;
        if (!System.IO.Directory.Exists(root))
        {
            System.IO.Directory.CreateDirectory(root, OwnerOnly);
        }

        // mkdir is the atomic claim: two hosts racing for one name cannot both succeed.
        if (Linux.FileSystem.MakeDirectory(Directory, OwnerOnly) is int errno && errno != 0)
        {
            throw new IOException(errno == Linux.Errno.EEXIST
                ? $"session directory for module {Name} already exists"
                : $"cannot create session directory {Directory}: {Linux.Errno.Describe(errno)}");
        }
    }

    public void Delete()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
