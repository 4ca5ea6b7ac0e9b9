using FlightRec.Compiler.Building;
using Xunit;

namespace FlightRec.Compiler.Tests.Building;

public sealed class ScriptCacheTests
{
    private static readonly ScriptCacheEntry Entry = new("frs_0123", "abcd", "WARNING: x\n source: a 1 \n\u00e9 \"q\"\n");

    [Fact]
    public void AnAbsentEntryIsAMiss()
    {
        using var scratch = new ScratchDirectory();
        Assert.Null(new ScriptCache(Path.Combine(scratch.Path, "flightrec")).TryLoad("k"));
    }

    [Fact]
    public void AStoredEntryComesBackExactly()
    {
        using var scratch = new ScratchDirectory();
        var cache = new ScriptCache(Path.Combine(scratch.Path, "flightrec"));

        Assert.True(cache.Store("k", Entry));
        Assert.Equal(Entry, cache.TryLoad("k"));
        Assert.Equal(Entry with { Diagnostics = "" }, Store(cache, Entry with { Diagnostics = "" }));
        Assert.Equal([Path.Combine(cache.Directory, "k.script")], Directory.GetFiles(cache.Directory));
    }

    [Theory]
    [InlineData("")]
    [InlineData("10 FRSCRIPT01\n")]
    [InlineData("10 FRSCRIPT01\n8 frs_0123\n4 abcd\n")]
    [InlineData("10 FRSCRIPT01\n8 frs_0123\n4 abcd\n3 abc\n2 xy\n")]
    [InlineData("10 FRSCRIPT02\n8 frs_0123\n4 abcd\n0 \n")]
    [InlineData("10 FRSCRIPT01\n0 \n4 abcd\n0 \n")]
    [InlineData("10 FRSCRIPT01\n8 frs_0123\n4 abcd\n9 short\n")]
    public void ADamagedOrForeignEntryIsAMiss(string content)
    {
        using var scratch = new ScratchDirectory();
        var cache = new ScriptCache(scratch.Path);
        File.WriteAllText(cache.EntryPath("k"), content);

        Assert.Null(cache.TryLoad("k"));
    }

    [Fact]
    public void AnUnwritableCacheIsNotAnError()
    {
        using var scratch = new ScratchDirectory();
        string blocked = Path.Combine(scratch.Path, "file");
        File.WriteAllText(blocked, "");

        Assert.False(new ScriptCache(Path.Combine(blocked, "flightrec")).Store("k", Entry));
    }

    private static ScriptCacheEntry? Store(ScriptCache cache, ScriptCacheEntry entry)
    {
        cache.Store("k", entry);
        return cache.TryLoad("k");
    }
}
