using FlightRec.Compiler.Building;
using Xunit;

namespace FlightRec.Compiler.Tests.Building;

public sealed class ModuleCacheKeyTests
{
    private static readonly string Runtime = typeof(FlightRec.Runtime.Module.ProbeModule).Assembly.Location;

    private static string Key(ModuleSource source, ModuleBuildOptions? options = null) =>
        ModuleCacheKey.Compute(source, options ?? ModuleBuildOptions.Default, Runtime);

    [Fact]
    public void TheKeyIsAStableSha256OfTheInput()
    {
        var source = ModuleSource.ForModule("class C {}", "m");

        Assert.Matches("^[0-9a-f]{64}$", Key(source));
        Assert.Equal(Key(source), Key(source with { }));
    }

    [Fact]
    public void EveryInputChangesTheKey()
    {
        var source = ModuleSource.ForModule("class C {}", "m");
        string[] keys =
        [
            Key(source),
            Key(source with { Text = "class D {}" }),
            Key(source with { ModuleName = "n" }),
            Key(source with { ClaimedPath = "other.cs" }),
            Key(source, ModuleBuildOptions.Default with { Optimize = false }),
            Key(source, ModuleBuildOptions.Default with { WarningsAreErrors = false }),
        ];

        Assert.Equal(keys.Length, keys.Distinct().Count());
    }

    [Fact]
    public void FieldsCannotRunIntoEachOther()
    {
        Assert.NotEqual(Key(new ModuleSource("x", "ab", "c")), Key(new ModuleSource("x", "a", "bc")));
    }
}
