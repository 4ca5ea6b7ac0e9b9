using System.Collections.Concurrent;

namespace FlightRec.Scenario.Tests.Harness;

/// <summary>
/// The test modules of this test run, built on first use against one FlightRec.Runtime.dll
/// into a temporary directory that is removed when the run ends, plus the bad inputs the
/// tests hand to frrun instead of a module. With FLIGHTREC_TEST_MODULES=DIR they are built
/// into DIR and kept, to reproduce a scenario by hand.
/// </summary>
internal sealed class ModuleSet
{
    private const string KeepVariable = "FLIGHTREC_TEST_MODULES";

    private static readonly ConcurrentDictionary<string, ModuleSet> ByRuntime = new();

    private readonly string _runtimeAssembly;
    private readonly ConcurrentDictionary<TestModuleSource, Lazy<string>> _built = new();
    private readonly Lazy<string> _truncated;
    private readonly Lazy<string> _text;

    private ModuleSet(string runtimeAssembly)
    {
        _runtimeAssembly = runtimeAssembly;
        if (Environment.GetEnvironmentVariable(KeepVariable) is { Length: > 0 } kept)
        {
            // One directory per runtime assembly: the in-process checks build against another one.
            string key = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(runtimeAssembly)))[..8];
            Directory = System.IO.Directory.CreateDirectory(Path.Combine(kept, key.ToLowerInvariant())).FullName;
        }
        else
        {
            Directory = System.IO.Directory.CreateTempSubdirectory("flightrec-modules-").FullName;
            AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteDirectory();
        }
        _truncated = new(WriteTruncated);
        _text = new(WriteText);
    }

    public string Directory { get; }

    /// <summary>A module path that does not exist.</summary>
    public string Missing => Path.Combine(Directory, "missing.dll");

    /// <summary>The first half of a real module: a damaged assembly.</summary>
    public string Truncated => _truncated.Value;

    /// <summary>A text file named like an assembly.</summary>
    public string Text => _text.Value;

    public static ModuleSet For(string runtimeAssembly) =>
        ByRuntime.GetOrAdd(Path.GetFullPath(runtimeAssembly), path => new ModuleSet(path));

    /// <summary>The path of the built module, building it the first time it is asked for.</summary>
    public string PathOf(TestModuleSource source) =>
        _built.GetOrAdd(source, s => new Lazy<string>(() => Build(s))).Value;

    private string Build(TestModuleSource source)
    {
        string path = Path.Combine(Directory, source.FileName);
        ModuleCompiler.Build(source, _runtimeAssembly, path);
        return path;
    }

    private string WriteTruncated()
    {
        byte[] module = File.ReadAllBytes(PathOf(TestModuleSource.Seq));
        string path = Path.Combine(Directory, "truncated.dll");
        File.WriteAllBytes(path, module.AsSpan(0, module.Length / 2).ToArray());
        return path;
    }

    private string WriteText()
    {
        string path = Path.Combine(Directory, "text.dll");
        File.WriteAllText(path, "probe begin { exit() }\n");
        return path;
    }

    private void DeleteDirectory()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
