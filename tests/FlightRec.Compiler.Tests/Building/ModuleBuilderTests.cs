using System.Diagnostics;
using System.Reflection;
using FlightRec.Compiler.Building;
using FlightRec.Runtime.Host;
using FlightRec.Runtime.Module;
using Xunit;

namespace FlightRec.Compiler.Tests.Building;

public sealed class ModuleBuilderTests
{
    private static readonly ModuleBuilder Builder = new();

    [Fact]
    public void BuildsAModuleTheRuntimeLoads()
    {
        using var scratch = new ScratchDirectory();
        var result = Builder.Build(ModuleSource.ForModule(SampleModules.Hello("hello"), "hello"), ModuleBuildOptions.Default);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors.Select(e => e.Format("hello.cs"))));
        string path = Path.Combine(scratch.Path, "hello.dll");
        File.WriteAllBytes(path, result.Image!);
        using var loaded = ModuleLoader.Load(path);
        Assert.Equal("hello", loaded.Module.Options.Name);
        Assert.Equal(ProbeModule.CurrentAbiVersion, loaded.Module.AbiVersion);
        var probe = Assert.Single(loaded.Module.Probes);
        Assert.Equal(("begin", ProbeKind.Begin), (probe.Point, probe.Kind));
        Assert.Equal("hello", AssemblyName.GetAssemblyName(path).Name);
    }

    [Fact]
    public void SameInputGivesIdenticalBytes()
    {
        var source = ModuleSource.ForModule(SampleModules.Hello("same"), "same");
        var first = Builder.Build(source, ModuleBuildOptions.Default);
        var second = new ModuleBuilder().Build(source, ModuleBuildOptions.Default);

        Assert.Equal(first.Image, second.Image);
    }

    [Fact]
    public void OptionsAndNamesChangeTheBytes()
    {
        var source = ModuleSource.ForModule(SampleModules.Hello("a"), "a");
        var release = Builder.Build(source, ModuleBuildOptions.Default).Image;
        var debug = Builder.Build(source, ModuleBuildOptions.Default with { Optimize = false }).Image;
        var renamed = Builder.Build(source with { ModuleName = "b" }, ModuleBuildOptions.Default).Image;

        Assert.NotEqual(release, debug);
        Assert.NotEqual(release, renamed);
    }

    [Fact]
    public void EmbeddedPdbMapsAnExceptionToTheScriptLine()
    {
        using var scratch = new ScratchDirectory();
        var result = Builder.Build(ModuleSource.ForModule(SampleModules.Hello("lines"), "lines"), ModuleBuildOptions.Default);
        string path = Path.Combine(scratch.Path, "lines.dll");
        File.WriteAllBytes(path, result.Image!);
        using var loaded = ModuleLoader.Load(path);
        var boom = loaded.Module.GetType().GetMethod("Boom")!;

        var thrown = Assert.Throws<TargetInvocationException>(() => boom.Invoke(null, null));
        var frame = new StackTrace(thrown.InnerException!, fNeedFileInfo: true).GetFrame(0)!;

        Assert.Equal(("hello.frs", 7), (frame.GetFileName(), frame.GetFileLineNumber()));
    }

    [Fact]
    public void ARoslynErrorIsReturnedWithItsGeneratedLocation()
    {
        var result = Builder.Build(new ModuleSource(SampleModules.Broken, "broken", "broken.cs"), ModuleBuildOptions.Default);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal(
            "/k/broken.cs:3:55: error CS0103: The name 'undefinedThing' does not exist in the current context",
            error.Format("/k/broken.cs"));
    }

    [Fact]
    public void AnErrorUnderALineDirectiveNamesTheScriptLocationToo()
    {
        string source = "namespace G;\npublic static class C\n{\n#line 12 \"s.frs\"\n    public static int F() => nope;\n}\n";
        var result = Builder.Build(new ModuleSource(source, "m", "m.cs"), ModuleBuildOptions.Default);

        Assert.Equal(
            "m.cs:5:30: error CS0103: The name 'nope' does not exist in the current context [from s.frs:12:30]",
            Assert.Single(result.Errors).Format("m.cs"));
    }

    [Fact]
    public void WarningsAreErrorsByDefault()
    {
        var source = new ModuleSource(SampleModules.Warns, "warns", "warns.cs");
        var strict = Builder.Build(source, ModuleBuildOptions.Default);
        var lenient = Builder.Build(source, ModuleBuildOptions.Default with { WarningsAreErrors = false });

        Assert.Equal(
            "warns.cs:3:67: error CS8600: Converting null literal or possible null value to non-nullable type.",
            Assert.Single(strict.Errors).Format("warns.cs"));
        Assert.True(lenient.Succeeded);
    }
}
