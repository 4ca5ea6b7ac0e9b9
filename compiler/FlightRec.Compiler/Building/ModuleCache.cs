using System.Security.Cryptography;

namespace FlightRec.Compiler.Building;

/// <summary>
/// Built modules by <see cref="ModuleCacheKey"/>, under $XDG_CACHE_HOME/flightrec (or
/// ~/.cache/flightrec), one file per entry: an 8-byte tag, the SHA-256 of the image, the image.
/// The digest lets a truncated or damaged entry be told from a good one; such an entry is a miss
/// and the rebuild replaces it. Entries are written whole under a unique temporary name and
/// renamed into place, so concurrent frstap runs never see half an entry — at worst two of them
/// both build and write the same deterministic bytes. The cache only saves time: when it cannot
/// be read or written, building goes on without it.
/// </summary>
public sealed class ModuleCache
{
    private static readonly byte[] Tag = "FRMOD01\n"u8.ToArray();
    private const int DigestLength = 32;

    public ModuleCache(string directory) => Directory = directory;

    public string Directory { get; }

    /// <summary>$XDG_CACHE_HOME/flightrec when that is an absolute path (as the XDG spec requires), else $HOME/.cache/flightrec; null without either.</summary>
    public static string? DefaultDirectory(Func<string, string?> environment)
    {
        string? xdg = environment("XDG_CACHE_HOME");
        if (!string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg))
        {
            return Path.Combine(xdg, "flightrec");
        }

        string? home = environment("HOME");
        return string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".cache", "flightrec");
    }

    /// <summary>The cache at the default place for this process's environment, or null when there is none.</summary>
    public static ModuleCache? ForCurrentUser() =>
        DefaultDirectory(Environment.GetEnvironmentVariable) is { } directory ? new ModuleCache(directory) : null;

    public string EntryPath(string key) => Path.Combine(Directory, key + ".module");

    /// <summary>The cached image for <paramref name="key"/>, or null when it is absent, unreadable or damaged.</summary>
    public byte[]? TryLoad(string key)
    {
        byte[] entry;
        try
        {
            entry = File.ReadAllBytes(EntryPath(key));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        if (entry.Length <= Tag.Length + DigestLength || !entry.AsSpan(0, Tag.Length).SequenceEqual(Tag))
        {
            return null;
        }

        var digest = entry.AsSpan(Tag.Length, DigestLength);
        var image = entry.AsSpan(Tag.Length + DigestLength);
        return SHA256.HashData(image).AsSpan().SequenceEqual(digest) ? image.ToArray() : null;
    }

    /// <summary>Stores <paramref name="image"/> under <paramref name="key"/>; false when the cache cannot be written.</summary>
    public bool Store(string key, byte[] image) =>
        CacheFile.WriteAtomically(Directory, EntryPath(key), stream =>
        {
            stream.Write(Tag);
            stream.Write(SHA256.HashData(image));
            stream.Write(image);
        });
}
