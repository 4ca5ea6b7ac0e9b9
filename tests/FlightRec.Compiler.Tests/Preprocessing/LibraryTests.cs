using Xunit;
using FlightRec.Compiler.Diagnostics;
using FlightRec.Compiler.Parsing;
using static FlightRec.Compiler.Tests.Preprocessing.PreprocessorHarness;

namespace FlightRec.Compiler.Tests.Preprocessing;

public sealed class LibraryTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("frs-stpm-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>A library made of the given files, all in one temporary directory; fails on any diagnostic.</summary>
    internal static MacroLibrary Build(params (string Name, string Text)[] files)
    {
        string dir = Directory.CreateTempSubdirectory("frs-stpm-").FullName;
        try
        {
            foreach (var (name, text) in files)
            {
                File.WriteAllText(Path.Combine(dir, name), text);
            }

            var bag = new DiagnosticBag();
            var library = MacroLibrary.Load([dir], "kernel", Options(), bag);
            Assert.Empty(bag.Items);
            return library;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private void Write(string relative, string text)
    {
        string path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private (MacroLibrary Library, DiagnosticBag Bag) Load(string runtime = "kernel")
    {
        var bag = new DiagnosticBag();
        return (MacroLibrary.Load([_root], runtime, Options(runtime: runtime), bag), bag);
    }

    [Fact]
    public void ReadsRootAndRuntimeFolderOnly()
    {
        Write("a.stpm", "@define a %( 1 %)");
        Write("linux/l.stpm", "@define l %( 2 %)");
        Write("bpf/b.stpm", "@define b %( 3 %)");
        Write("x86_64/x.stpm", "@define x %( 4 %)");
        Write("a.stp", "probe begin {}");

        var (library, bag) = Load();
        Assert.Empty(bag.Items);
        Assert.Equal(["a", "l"], library.Names);

        (library, bag) = Load("bpf");
        Assert.Empty(bag.Items);
        Assert.Equal(["a", "b"], library.Names);
    }

    [Fact]
    public void ConditionalDefinitionsAreAllowed()
    {
        Write("c.stpm", """
            %( arch == "x86_64" %? @define reg %( "rax" %) %: @define reg %( "x0" %) %)
            @define private30 %( %( systemtap_v >= "3.0" %? private %) %)
            """);
        var (library, bag) = Load();
        Assert.Empty(bag.Items);
        Assert.Equal("\"rax\" private", Text("@reg @private30", Options(library: library)));
    }

    [Fact]
    public void OtherTokensAreRejected()
    {
        Write("bad.stpm", "@define ok %( 1 %)\nprobe begin { }");
        var (library, bag) = Load();
        Assert.Equal(0, library.Count);
        Assert.False(bag.HasErrors);
        Assert.Contains(bag.Items, d => d.Message == $"unexpected token in library macro file '{Path.Combine(_root, "bad.stpm")}'");
        Assert.Contains(bag.Items, d => d.Message.Contains("has errors, and will be skipped", StringComparison.Ordinal));
    }

    [Fact]
    public void UnknownOperatorInLibraryFileIsAnUnexpectedToken()
    {
        Write("bad.stpm", "@nothing");
        var (_, bag) = Load();
        Assert.Contains(bag.Items, d => d.Message.StartsWith("unexpected token in library macro file", StringComparison.Ordinal));
    }

    [Fact]
    public void DuplicatesAcrossFilesRejectTheLaterFileAsAWhole()
    {
        Write("a.stpm", "@define dup %( first %)");
        Write("b.stpm", "@define dup %( second %) @define extra %( 1 %)");
        var (library, bag) = Load();
        Assert.True(bag.HasErrors);
        Assert.Equal(["dup"], library.Names);
        Assert.Equal("duplicate definition of library macro '@dup'", bag.Items[0].Message);
        Assert.Equal("macro '@dup' first defined here", bag.Items[1].Message);
        Assert.Equal("first", Text("@dup", Options(library: library)));
    }

    [Fact]
    public void RuntimeFolderIsReadBeforeRoot()
    {
        Write("linux/a.stpm", "@define dup %( linux %)");
        Write("a.stpm", "@define dup %( root %)");
        var (library, bag) = Load();
        Assert.True(bag.HasErrors);
        Assert.Equal("linux", Text("@dup", Options(library: library)));
    }

    [Fact]
    public void LaterFilesSeeEarlierLibraryMacros()
    {
        Write("a.stpm", "@define base %( 1 %)");
        Write("b.stpm", "@define more %( @base + 1 %)");
        var (library, bag) = Load();
        Assert.Empty(bag.Items);
        Assert.Equal("1 + 1", Text("@more", Options(library: library)));
    }

    [Fact]
    public void MissingDirectoryIsEmpty()
    {
        var bag = new DiagnosticBag();
        var library = MacroLibrary.Load([Path.Combine(_root, "nope")], "kernel", Options(), bag);
        Assert.Equal(0, library.Count);
        Assert.Empty(bag.Items);
    }
}
