using System.Text;

namespace FlightRec.Compiler.Building;

/// <summary>
/// The script cache: what passes 1–4 made of exactly these inputs last time (the module's entry in
/// the <see cref="ModuleCache"/>, its name, and the text the passes printed on standard error), so
/// that a repeated run goes straight to pass 5. stap re-runs passes 1–2 even on a cache hit; we
/// skip them because parsing and elaborating in a fresh .NET process costs more than the rest of a
/// warm run (docs/performance.md). Entries live beside the modules as KEY.script; a damaged or
/// foreign entry is a miss.
/// </summary>
public sealed class ScriptCache(string directory)
{
    private const string Tag = "FRSCRIPT01";

    public string Directory { get; } = directory;

    public static ScriptCache? ForCurrentUser() =>
        ModuleCache.DefaultDirectory(Environment.GetEnvironmentVariable) is { } directory ? new ScriptCache(directory) : null;

    public string EntryPath(string key) => Path.Combine(Directory, key + ".script");

    public ScriptCacheEntry? TryLoad(string key)
    {
        string text;
        try
        {
            text = File.ReadAllText(EntryPath(key), Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        var reader = new FieldReader(text);
        return reader.Next() == Tag
            && reader.Next() is { Length: > 0 } moduleName
            && reader.Next() is { Length: > 0 } moduleKey
            && reader.Next() is { } diagnostics
            && reader.AtEnd
            ? new ScriptCacheEntry(moduleName, moduleKey, diagnostics)
            : null;
    }

    public bool Store(string key, ScriptCacheEntry entry)
    {
        var text = new StringBuilder();
        foreach (string field in new[] { Tag, entry.ModuleName, entry.ModuleKey, entry.Diagnostics })
        {
            text.Append(field.Length).Append(' ').Append(field).Append('\n');
        }

        byte[] bytes = Encoding.UTF8.GetBytes(text.ToString());
        return CacheFile.WriteAtomically(Directory, EntryPath(key), stream => stream.Write(bytes));
    }

    // Length-prefixed fields ("LENGTH TEXT\n"), so diagnostics may hold any character.
    private sealed class FieldReader(string text)
    {
        private int _position;

        public bool AtEnd => _position == text.Length;

        public string? Next()
        {
            int space = text.IndexOf(' ', _position);
            if (space < 0 || !int.TryParse(text.AsSpan(_position, space - _position), out int length)
                || length < 0 || space + 1 + length >= text.Length || text[space + 1 + length] != '\n')
            {
                return null;
            }

            string field = text.Substring(space + 1, length);
            _position = space + 2 + length;
            return field;
        }
    }
}
