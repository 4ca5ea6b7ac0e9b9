namespace FlightRec.Compiler.Tests.Building;

/// <summary>
/// Hand-written module sources in the shape pass 3 generates (a ProbeModule subclass against the
/// runtime's public API, with #line directives back to a script), for the pass 4 tests.
/// </summary>
internal static class SampleModules
{
    /// <summary>
    /// Module <paramref name="name"/>: begin prints "hello" and exits; <c>Boom()</c> throws from a
    /// statement that #line maps to hello.frs line 7.
    /// </summary>
    public static string Hello(string name) => $$"""
        using System;
        using System.Collections.Generic;
        using FlightRec.Runtime.Execution;
        using FlightRec.Runtime.Formatting;
        using FlightRec.Runtime.Module;
        using FlightRec.Runtime.Tapset;

        namespace FlightRec.Generated;

        public sealed class HelloModule : ProbeModule
        {
            private static readonly CompiledFormat Hello = FormatString.Parse("hello\n").Format!;

            public HelloModule()
            {
                Probes = [new ProbeDescriptor("begin", "begin", ProbeKind.Begin, 0, Begin, [], [])];
            }

            public override ModuleOptions Options { get; } = new("{{name}}");

            public override IReadOnlyList<GlobalDescriptor> Globals => [];

            public override IReadOnlyList<ProbeDescriptor> Probes { get; }

            public override void InitializeGlobals()
            {
            }

            public static void Boom()
            {
        #line 7 "hello.frs"
                throw new InvalidOperationException("boom");
        #line default
            }

            private static void Begin(HandlerContext context)
            {
                ScriptPrinter.Printf(context.Output, Hello, []);
                TapsetControl.Exit(context.Probe);
            }
        }
        """;

    /// <summary>A module whose line 3 uses an undefined name (CS0103), as a buggy pass 3 might write.</summary>
    public const string Broken = """
        namespace FlightRec.Generated;

        public static class Broken { public static int F() => undefinedThing; }
        """;

    /// <summary>Compiles, but with a warning (CS0168: declared but never used) on line 3.</summary>
    public const string Warns = """
        namespace FlightRec.Generated;

        public static class Warns { public static object F() { object o = null; return o!; } }
        """;
}
