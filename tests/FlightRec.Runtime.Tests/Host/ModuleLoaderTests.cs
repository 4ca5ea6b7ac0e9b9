using FlightRec.Runtime.Host;
using FlightRec.Runtime.Module;

namespace FlightRec.Runtime.Tests.Host;

public sealed class ModuleLoaderTests : IDisposable
{
    private readonly TemporaryRoot _root = new();

    private string Build(string name, string source) => ModuleAssemblies.Build(_root.Path, name, source);

    private static string LoadError(string path) => Assert.Throws<HostException>(() => ModuleLoader.Load(path)).Message;

    [Fact]
    public void LoadsTheOneModuleClassAsTheHostsOwnProbeModuleType()
    {
        string path = Build("rec", ModuleAssemblies.ModuleSource("Rec", "rec", "Probe(\"begin\", ProbeKind.Begin, c => Print(c, \"hi\\n\"))"));

        using var loaded = ModuleLoader.Load(path);

        Assert.IsAssignableFrom<ProbeModule>(loaded.Module);
        Assert.Equal("rec", loaded.Module.Options.Name);
        Assert.Equal("begin", Assert.Single(loaded.Module.Probes).Point);
        Assert.Equal(path, loaded.Path);
    }

    [Fact]
    public void AMissingFileIsCouldntOpenWithTheSystemsReason()
    {
        string path = Path.Combine(_root.Path, "missing.dll");

        Assert.Equal($"Couldn't open module '{path}': No such file or directory", LoadError(path));
    }

    [Fact]
    public void ADirectoryIsCouldntOpen()
    {
        Assert.Equal($"Couldn't open module '{_root.Path}': Is a directory", LoadError(_root.Path));
    }

    [Fact]
    public void AFileThatIsNotAnAssemblyIsSaidToBeNoNetAssembly()
    {
        string path = Path.Combine(_root.Path, "junk.dll");
        File.WriteAllText(path, "this is not a portable executable\n");

        Assert.Equal($"'{path}' is not a .NET assembly", LoadError(path));
    }

    [Fact]
    public void AnEmptyFileIsNoNetAssemblyEither()
    {
        string path = Path.Combine(_root.Path, "empty.dll");
        File.WriteAllBytes(path, []);

        Assert.Equal($"'{path}' is not a .NET assembly", LoadError(path));
    }

    [Fact]
    public void AnAssemblyWithoutAProbeModuleClassIsNotAModule()
    {
        string path = Build("plain", "public class Plain { }");

        Assert.Equal($"'{path}' is not a FlightRec probe module (no ProbeModule class)", LoadError(path));
    }

    [Fact]
    public void AnAbstractOrInternalModuleClassDoesNotCount()
    {
        string source = ModuleAssemblies.ModuleSource("Rec", "rec").Replace("public sealed class Rec", "internal sealed class Rec")
            + "public abstract class Base : FlightRec.Runtime.Module.ProbeModule { }";
        string path = Build("hidden", source);

        Assert.Equal($"'{path}' is not a FlightRec probe module (no ProbeModule class)", LoadError(path));
    }

    [Fact]
    public void TwoModuleClassesAreRefused()
    {
        string source = ModuleAssemblies.ModuleSource("One", "one") + ModuleAssemblies.ModuleClass("Two", "two");
        string path = Build("both", source);

        Assert.Equal($"'{path}' holds 2 ProbeModule classes (One, Two); a module holds exactly one", LoadError(path));
    }

    [Fact]
    public void AModuleClassWithoutAParameterlessConstructorIsRefused()
    {
        string path = Build("ctor", ModuleAssemblies.ModuleSource("Rec", "rec", extraMembers: "public Rec(int x) { }"));

        Assert.Equal($"'{path}': probe module class Rec has no public parameterless constructor", LoadError(path));
    }

    [Fact]
    public void AModuleWhoseConstructorThrowsIsReportedWithTheReason()
    {
        string path = Build("boom", ModuleAssemblies.ModuleSource("Rec", "rec", extraMembers: "public Rec() { throw new InvalidOperationException(\"no luck\"); }"));

        Assert.Equal($"'{path}': probe module class Rec failed to initialise: InvalidOperationException: no luck", LoadError(path));
    }

    [Fact]
    public void AModuleBuiltForAnotherAbiIsRefusedWithBothVersions()
    {
        string path = Build("abi", ModuleAssemblies.ModuleSource("Rec", "rec", extraMembers: "public override int AbiVersion => 2;"));

        Assert.Equal(
            $"module rec was built for FlightRec module ABI 2, but this runtime implements ABI {ProbeModule.CurrentAbiVersion}; rebuild it with this frstap",
            LoadError(path));
    }

    public void Dispose() => _root.Dispose();
}
