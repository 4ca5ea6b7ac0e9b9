using System.Text;

namespace FlightRec.Benchmarks.Compiler;

/// <summary>
/// A generated-looking module of about 300 lines: timer probes whose handlers update a global,
/// do some arithmetic and printf, each under a #line directive into a script, so a build costs
/// what pass 4 pays for a mid-sized script (parsing, binding, emitting IL and an embedded PDB).
/// </summary>
internal static class SyntheticModule
{
    public static string Source(string moduleName, int probes = 20)
    {
        var text = new StringBuilder();
        text.Append("""
            using System;
            using System.Collections.Generic;
            using FlightRec.Runtime.Execution;
            using FlightRec.Runtime.Formatting;
            using FlightRec.Runtime.Module;

            namespace FlightRec.Generated;

            public sealed class SyntheticModule : ProbeModule
            {
                private static readonly CompiledFormat Line = FormatString.Parse("%s %d %d\n").Format!;
                private long _total;

                public SyntheticModule()
                {
                    Globals = [new GlobalDescriptor("total", GlobalKind.Long)];
                    Probes =
                    [

            """);
        for (int i = 0; i < probes; i++)
        {
            text.Append($"            new ProbeDescriptor(\"timer.ms({i + 1})\", \"timer.ms({i + 1})\", ProbeKind.Event, 0, Probe{i}, [0], [0]),\n");
        }

        text.Append($$"""
                    ];
                }

                public override ModuleOptions Options { get; } = new("{{moduleName}}");

                public override IReadOnlyList<GlobalDescriptor> Globals { get; }

                public override IReadOnlyList<ProbeDescriptor> Probes { get; }

                public override void InitializeGlobals() => _total = 0;

            """);
        for (int i = 0; i < probes; i++)
        {
            text.Append($$"""

                private void Probe{{i}}(HandlerContext context)
                {
            #line {{(i * 10) + 1}} "synthetic.frs"
                    long a = _total + {{i}};
                    long b = a * 3 - (a >> 2);
                    if (b % 7 == {{i % 7}})
                    {
                        b += a;
                    }

                    _total = b;
                    ScriptPrinter.Printf(context.Output, Line, ["probe{{i}}", a, b]);
            #line default
                }

            """);
        }

        text.Append("}\n");
        return text.ToString();
    }
}
