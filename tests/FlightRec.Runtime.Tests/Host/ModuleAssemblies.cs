using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FlightRec.Runtime.Tests.Host;

/// <summary>Builds small module assemblies with Roslyn, as frstap would, into a test's directory.</summary>
internal static class ModuleAssemblies
{
    private static readonly Lazy<MetadataReference[]> References = new(() =>
    {
        string tpa = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        return tpa.Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is var f && (f.StartsWith("System.", StringComparison.Ordinal) || f is "System.dll" or "netstandard.dll" or "mscorlib.dll"))
            .Append(typeof(Runtime.Module.ProbeModule).Assembly.Location)
            .Distinct()
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToArray();
    });

    /// <summary>Compiles <paramref name="source"/> to DIR/NAME.dll and returns the path.</summary>
    public static string Build(string directory, string name, string source)
    {
        var compilation = CSharpCompilation.Create(
            name,
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
        string path = Path.Combine(directory, name + ".dll");
        var result = compilation.Emit(path);
        if (!result.Success)
        {
            throw new InvalidOperationException(string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }

        return path;
    }

    /// <summary>
    /// A module class named <paramref name="className"/> whose Options.Name is <paramref name="moduleName"/>,
    /// with settable globals <c>n</c> (long) and <c>s</c> (string), an array global <c>a</c>, and the probes in
    /// <paramref name="probes"/>: C# expressions of type ProbeDescriptor that may use Print(c, text), N and S.
    /// </summary>
    public static string ModuleSource(string className, string moduleName, string probes = "", string extraMembers = "", string options = "") =>
        Usings + ModuleClass(className, moduleName, probes, extraMembers, options);

    public const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Globalization;
        using FlightRec.Runtime.Execution;
        using FlightRec.Runtime.Module;

        """;

    /// <summary>The class of <see cref="ModuleSource"/> alone, to put two in one assembly.</summary>
    public static string ModuleClass(string className, string moduleName, string probes = "", string extraMembers = "", string options = "") => $$"""
        public sealed class {{className}} : ProbeModule
        {
            private readonly ModuleOptions _options = new ModuleOptions("{{moduleName}}") { {{options}} };
            public long N;
            public string S = "";

            public override ModuleOptions Options => _options;

            public override IReadOnlyList<GlobalDescriptor> Globals => new[]
            {
                new GlobalDescriptor("n", GlobalKind.Long, v => N = long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long x) ? x : throw new FormatException("global 'n' takes a number, not '" + v + "'")),
                new GlobalDescriptor("s", GlobalKind.String, v => S = v),
                new GlobalDescriptor("a", GlobalKind.Array),
            };

            public override IReadOnlyList<ProbeDescriptor> Probes => _probes ??= new List<ProbeDescriptor> { {{probes}} };

            private List<ProbeDescriptor> _probes;

            public override void InitializeGlobals()
            {
                N = 0;
                S = "";
            }

            private static ProbeDescriptor Probe(string point, ProbeKind kind, ProbeHandler handler, long order = 0) =>
                new ProbeDescriptor(point, point, kind, order, handler, Array.Empty<int>(), Array.Empty<int>());

            private static void Print(HandlerContext c, string text) => c.Output.Append(text);

            {{extraMembers}}
        }
        """;

    public static Assembly RuntimeAssembly => typeof(Runtime.Module.ProbeModule).Assembly;
}
