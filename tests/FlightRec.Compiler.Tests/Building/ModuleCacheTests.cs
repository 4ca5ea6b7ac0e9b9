using FlightRec.Compiler.Building;
using Xunit;

namespace FlightRec.Compiler.Tests.Building;

public sealed class ModuleCacheTests
{
    private static readonly byte[] Image = [0x4d, 0x5a, 1, 2, 3, 4, 5];

    [Fact]
    public void AnAbsentEntryIsAMiss()
    {
        using var scratch = new ScratchDirectory();
        Assert.Null(new ModuleCache(Path.Combine(scratch.Path, "flightrec")).TryLoad("k"));
    }

    [Fact]
    public void StoreCreatesTheDirectoryAndLoadReturnsTheImage()
    {
        using var scratch = new ScratchDirectory();
        var cache = new ModuleCache(Path.Combine(scratch.Path, "a", "flightrec"));

        Assert.True(cache.Store("k", Image));
        Assert.Equal(Image, cache.TryLoad("k"));
        Assert.Equal([Path.Combine(cache.Directory, "k.module")], Directory.GetFiles(cache.Directory));
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("flipped")]
    [InlineData("empty")]
    [InlineData("not an entry")]
    public void ADamagedEntryIsAMissAndTheNextStoreRepairsIt(string damage)
    {
        using var scratch = new ScratchDirectory();
        var cache = new ModuleCache(scratch.Path);
        cache.Store("k", Image);
        string path = cache.EntryPath("k");
        byte[] entry = File.ReadAllBytes(path);
        byte[] damaged = damage switch
        {
            "truncated" => entry[..^1],
            "flipped" => [.. entry[..^1], (byte)(entry[^1] ^ 1)],
            "empty" => [],
            _ => [.. "MZ not an entry"u8],
        };
        File.WriteAllBytes(path, damaged);

        Assert.Null(cache.TryLoad("k"));
        Assert.True(cache.Store("k", Image));
        Assert.Equal(Image, cache.TryLoad("k"));
    }

    [Fact]
    public void AnUnreadableEntryIsAMiss()
    {
        using var scratch = new ScratchDirectory();
        var cache = new ModuleCache(scratch.Path);
        Directory.CreateDirectory(cache.EntryPath("k"));

        Assert.Null(cache.TryLoad("k"));
    }

    [Fact]
    public void AnUnwritableCacheIsReportedNotThrown()
    {
        using var scratch = new ScratchDirectory();
        string file = Path.Combine(scratch.Path, "file");
        File.WriteAllText(file, "");

        Assert.False(new ModuleCache(Path.Combine(file, "flightrec")).Store("k", Image));
    }

    [Fact]
    public void ConcurrentWritersAndReadersNeverSeeAPartialEntry()
    {
        using var scratch = new ScratchDirectory();
        byte[] big = Enumerable.Range(0, 1 << 20).Select(i => (byte)i).ToArray();
        var torn = 0;
        Parallel.For(0, 64, i =>
        {
            var cache = new ModuleCache(scratch.Path);
            if (i % 2 == 0)
            {
                Assert.True(cache.Store("k", big));
            }
            else if (cache.TryLoad("k") is { } read && !read.AsSpan().SequenceEqual(big))
            {
                Interlocked.Increment(ref torn);
            }
        });

        Assert.Equal(0, torn);
        Assert.Equal(big, new ModuleCache(scratch.Path).TryLoad("k"));
        Assert.Equal(["k.module"], Directory.GetFiles(scratch.Path).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("/x/cache", "/home/u", "/x/cache/flightrec")]
    [InlineData(null, "/home/u", "/home/u/.cache/flightrec")]
    [InlineData("", "/home/u", "/home/u/.cache/flightrec")]
    [InlineData("relative/cache", "/home/u", "/home/u/.cache/flightrec")]
    [InlineData(null, null, null)]
    public void TheDefaultDirectoryFollowsXdg(string? xdg, string? home, string? expected)
    {
        string? Environment(string name) => name switch { "XDG_CACHE_HOME" => xdg, "HOME" => home, _ => null };

        Assert.Equal(expected, ModuleCache.DefaultDirectory(Environment));
    }
}
