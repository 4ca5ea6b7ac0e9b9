namespace FlightRec.Runtime.Providers.Processes;

/// <summary>
/// How <c>process("PATH")</c> names an executable, as stap's find_executable does at pass 2: a
/// name without '/' is looked up along $PATH (the first regular file of that name, as execvp
/// would), a name with '/' is taken as given; either is then made canonical (absolute, every
/// symbolic link resolved, like realpath(3)), and kept as written when it does not exist. A
/// process matches when the executable it runs has that canonical path — so
/// <c>process("ls")</c> is <c>process("/usr/bin/ls")</c> on a merged-/usr system and matches
/// <c>/bin/ls</c> too, but not another program that happens to be called ls.
/// </summary>
public static class ExecutablePath
{
    private const int MaxLinks = 40; // ELOOP, as the kernel counts

    /// <summary>stap's find_executable: the canonical path <paramref name="name"/> runs.</summary>
    public static string Find(string name, string? searchPath)
    {
        if (name.Length == 0)
        {
            return name;
        }

        string candidate = name;
        if (!name.Contains('/'))
        {
            foreach (string directory in (searchPath ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
            {
                string file = Path.Combine(directory, name);
                if (File.Exists(file))
                {
                    candidate = file;
                    break;
                }
            }
        }

        return Canonical(candidate) ?? candidate;
    }

    /// <summary>realpath(3) in managed code: the absolute path with every link resolved, or null when a component does not exist.</summary>
    public static string? Canonical(string path)
    {
        try
        {
            var pending = new Stack<string>(Path.GetFullPath(path).Split('/', StringSplitOptions.RemoveEmptyEntries).Reverse());
            string resolved = "/";
            int links = 0;
            while (pending.TryPop(out string? part))
            {
                if (part == ".")
                {
                    continue;
                }

                if (part == "..")
                {
                    resolved = Path.GetDirectoryName(resolved) ?? "/";
                    continue;
                }

                string next = Path.Join(resolved, part);
                var info = new FileInfo(next);
                if (!info.Exists && !Directory.Exists(next))
                {
                    return null;
                }

                if (info.LinkTarget is not { } target)
                {
                    resolved = next;
                    continue;
                }

                if (++links > MaxLinks)
                {
                    return null;
                }

                foreach (string piece in target.Split('/', StringSplitOptions.RemoveEmptyEntries).Reverse())
                {
                    pending.Push(piece);
                }

                if (target.StartsWith('/'))
                {
                    resolved = "/";
                }
            }

            return resolved;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }
}
