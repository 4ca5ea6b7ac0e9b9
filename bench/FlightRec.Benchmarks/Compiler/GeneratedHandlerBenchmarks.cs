using System.Runtime.Loader;
using BenchmarkDotNet.Attributes;
using FlightRec.Compiler.Building;
using FlightRec.Compiler.Driver;
using FlightRec.Runtime.Execution;
using FlightRec.Runtime.Module;
using FlightRec.Runtime.Output;
using FlightRec.Runtime.Tapset;

namespace FlightRec.Benchmarks.Compiler;

/// <summary>
/// What one hit of a generated timer handler costs (issue 6; goal under 200 ns and 0 B per hit):
/// the script <see cref="Script"/> goes through frstap's passes 1-3 and pass 4's
/// <see cref="ModuleBuilder"/> once in setup, exactly as <c>frstap</c> builds it, and the module
/// is loaded into its own load context as frrun loads it. <see cref="Handler"/> calls the probe's
/// compiled handler with a real <see cref="HandlerContext"/> (after the per-hit reset every hit
/// gets); <see cref="Fire"/> is the whole dispatch of a hit as frrun's dispatch thread does it:
/// state check, the probe's global locks, reset, handler, output flush. <see cref="ClockOnly"/>
/// is the clock read of gettimeofday_ns() alone, for scale.
/// </summary>
[MemoryDiagnoser]
[GeneratedHandlerJob]
public class GeneratedHandlerBenchmarks
{
    public const string Script = "global a, s probe timer.ms(1) { a[pid()]++; s <<< gettimeofday_ns() }";
    private const string ModuleName = "handler_bench";

    private ScriptSession _session = null!;
    private HandlerContext _context = null!;
    private ProbeDescriptor _probe = null!;

    [GlobalSetup]
    public void Setup()
    {
        var module = Load(Build(Translate()));
        _session = new ScriptSession(module, new DiscardingSink(), TextWriter.Null);
        _context = _session.CreateContext(cpu: 0);
        // A timer hit names the host process, as frrun's dispatch threads describe themselves.
        _context.Probe.Pid = Environment.ProcessId;
        _session.Start(_context);
        _probe = module.Probes.Single(p => p.Kind == ProbeKind.Event);
        if (_session.State != SessionState.Running || !_session.Fire(_probe, _context) || _session.ErrorCount != 0)
        {
            throw new InvalidOperationException($"the generated module does not run ({_session.State}, {_session.ErrorCount} errors)");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _session.Dispose();

    [Benchmark(Baseline = true)]
    public void Handler()
    {
        _context.Reset(_probe.Point);
        _probe.Handler(_context);
    }

    [Benchmark]
    public bool Fire() => _session.Fire(_probe, _context);

    /// <summary>The yardstick: gettimeofday_ns() alone, the clock read the handler makes.</summary>
    [Benchmark]
    public long ClockOnly() => TapsetTime.GettimeofdayNs(_context.Probe);

    private static string Translate()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exitCode = new CompilerDriver(stdout, stderr).Run(new CompilerOptions
        {
            LastPass = 3,
            ScriptText = Script,
            ModuleName = ModuleName,
            TapsetDirectory = Path.Combine(RepositoryRoot.Find(), "tapset"),
        });
        return exitCode == 0 ? stdout.ToString() : throw new InvalidOperationException($"frstap -p3 failed ({exitCode}):\n{stderr}");
    }

    private static byte[] Build(string source)
    {
        var result = new ModuleBuilder().Build(ModuleSource.ForModule(source, ModuleName), ModuleBuildOptions.Default);
        return result.Image ?? throw new InvalidOperationException(
            "the generated module does not build:\n" + string.Join("\n", result.Errors.Select(e => e.Format(ModuleName + ".cs"))));
    }

    private static ProbeModule Load(byte[] image)
    {
        var assembly = new AssemblyLoadContext(ModuleName).LoadFromStream(new MemoryStream(image));
        var type = assembly.GetTypes().Single(t => t.IsSubclassOf(typeof(ProbeModule)));
        return (ProbeModule)Activator.CreateInstance(type)!;
    }

    /// <summary>The handler prints nothing; a sink is still needed for the context's output buffer.</summary>
    private sealed class DiscardingSink : IOutputSink
    {
        public void Commit(ReadOnlySpan<byte> output)
        {
        }
    }
}
