using FlightRec.Compiler.Building;
using FlightRec.Runtime.Host;
using Xunit;

namespace FlightRec.Compiler.Tests.Building;

public sealed class ModuleBuildPassTests
{
    private static readonly ModuleBuilder Builder = new();

    [Fact]
    public void AMissBuildsAndStoresAndTheNextRunIsAHitWithTheSameBytes()
    {
        using var scratch = new ScratchDirectory();
        var cache = new ModuleCache(Path.Combine(scratch.Path, "flightrec"));
        var pass = new ModuleBuildPass(Builder, cache);
        var source = ModuleSource.ForModule(SampleModules.Hello("cached"), "cached");

        var first = Run(pass, source);
        var second = Run(pass, source);

        Assert.Equal((CacheStatus.Miss, CacheStatus.Hit), (first.Cache, second.Cache));
        Assert.Equal(first.Image, second.Image);
        Assert.NotNull(first.CacheEntryPath);
        Assert.Equal(first.CacheEntryPath, second.CacheEntryPath);
        Assert.StartsWith(cache.Directory + "/", first.CacheEntryPath);
        Assert.Empty(second.InternalError);
    }

    [Fact]
    public void ADamagedEntryIsRebuilt()
    {
        using var scratch = new ScratchDirectory();
        var pass = new ModuleBuildPass(Builder, new ModuleCache(scratch.Path));
        var source = ModuleSource.ForModule(SampleModules.Hello("damaged"), "damaged");
        var first = Run(pass, source);
        File.WriteAllBytes(first.CacheEntryPath!, [1, 2, 3]);

        var second = Run(pass, source);

        Assert.Equal(CacheStatus.Miss, second.Cache);
        Assert.Equal(first.Image, second.Image);
        Assert.Equal(CacheStatus.Hit, Run(pass, source).Cache);
    }

    [Fact]
    public void WithoutACacheEveryRunBuilds()
    {
        var pass = new ModuleBuildPass(Builder, null);
        var outcome = Run(pass, ModuleSource.ForModule(SampleModules.Hello("nocache"), "nocache"));

        Assert.Equal(CacheStatus.Disabled, outcome.Cache);
        Assert.Null(outcome.CacheEntryPath);
        Assert.True(outcome.Succeeded);
    }

    [Fact]
    public void AnUnwritableCacheStillBuilds()
    {
        using var scratch = new ScratchDirectory();
        string file = Path.Combine(scratch.Path, "file");
        File.WriteAllText(file, "");
        var outcome = Run(new ModuleBuildPass(Builder, new ModuleCache(file)), ModuleSource.ForModule(SampleModules.Hello("ro"), "ro"));

        Assert.Equal((CacheStatus.Miss, (string?)null), (outcome.Cache, outcome.CacheEntryPath));
        Assert.True(outcome.Succeeded);
    }

    [Fact]
    public void ConcurrentRunsAgreeAndLeaveOneGoodEntry()
    {
        using var scratch = new ScratchDirectory();
        var source = ModuleSource.ForModule(SampleModules.Hello("racing"), "racing");
        var images = new byte[4][];
        Parallel.For(0, images.Length, i =>
            images[i] = Run(new ModuleBuildPass(new ModuleBuilder(), new ModuleCache(scratch.Path)), source).Image!);

        Assert.All(images, image => Assert.Equal(images[0], image));
        Assert.Single(Directory.GetFiles(scratch.Path));
        Assert.Equal(images[0], new ModuleCache(scratch.Path).TryLoad(Path.GetFileNameWithoutExtension(Directory.GetFiles(scratch.Path)[0])));
    }

    [Fact]
    public void TheGeneratedFileIsInTheWorkDirectoryWhichGoesAwayUnlessKept()
    {
        var pass = new ModuleBuildPass(Builder, null);
        var source = ModuleSource.ForModule(SampleModules.Hello("tidy"), "tidy");
        string removed, kept;
        using (var work = ModuleWorkDirectory.Create(keep: false))
        {
            removed = pass.Run(source, ModuleBuildOptions.Default, work).GeneratedSourcePath;
            Assert.Equal(Path.Combine(work.Path, "tidy.cs"), removed);
            Assert.Equal(source.Text, File.ReadAllText(removed));
        }

        using (var work = ModuleWorkDirectory.Create(keep: true))
        {
            kept = pass.Run(source, ModuleBuildOptions.Default, work).GeneratedSourcePath;
        }

        Assert.False(Directory.Exists(Path.GetDirectoryName(removed)));
        Assert.Equal(source.Text, File.ReadAllText(kept));
        Directory.Delete(Path.GetDirectoryName(kept)!, recursive: true);
    }

    [Fact]
    public void ARoslynErrorIsAnInternalErrorWithTheGeneratedFileKept()
    {
        using var scratch = new ScratchDirectory();
        var cache = new ModuleCache(scratch.Path);
        ModuleBuildOutcome outcome;
        string directory;
        using (var work = ModuleWorkDirectory.Create(keep: false))
        {
            outcome = new ModuleBuildPass(Builder, cache).Run(new ModuleSource(SampleModules.Broken, "broken", "broken.cs"), ModuleBuildOptions.Default, work);
            directory = work.Path;
            Assert.True(work.Kept);
        }

        try
        {
            string generated = Path.Combine(directory, "broken.cs");
            Assert.False(outcome.Succeeded);
            Assert.Equal(
                [
                    "frstap: internal error: the C# generated for module broken does not compile (a bug in frstap, not in the script)",
                    $"{generated}:3:55: error CS0103: The name 'undefinedThing' does not exist in the current context",
                    $"frstap: the generated C# is kept in {generated}",
                ],
                outcome.InternalError);
            Assert.Equal(SampleModules.Broken, File.ReadAllText(generated));
            Assert.Equal((CacheStatus.Disabled, (string?)null), (outcome.Cache, outcome.CacheEntryPath));
            Assert.Empty(Directory.GetFiles(scratch.Path));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void WriteToPutsALoadableModuleAtThePath()
    {
        using var scratch = new ScratchDirectory();
        var outcome = Run(new ModuleBuildPass(Builder, null), ModuleSource.ForModule(SampleModules.Hello("written"), "written"));
        string path = Path.Combine(scratch.Path, "written.dll");

        outcome.WriteTo(path);

        using var loaded = ModuleLoader.Load(path);
        Assert.Equal("written", loaded.Module.Options.Name);
        Assert.Equal(["written.dll"], Directory.GetFiles(scratch.Path).Select(Path.GetFileName));
    }

    private static ModuleBuildOutcome Run(ModuleBuildPass pass, ModuleSource source)
    {
        using var work = ModuleWorkDirectory.Create(keep: false);
        return pass.Run(source, ModuleBuildOptions.Default, work);
    }
}
