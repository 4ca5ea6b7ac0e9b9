using System.Diagnostics;
using System.Runtime;
using FlightRec.Compiler.Building;
using FlightRec.Compiler.Driver;

namespace FlightRec.Benchmarks.Compiler;

/// <summary>
/// Where a cold pass 4 spends its time, in one fresh process (not BenchmarkDotNet): passes 1-3 of
/// a script through the driver, then the same <see cref="ModuleBuilder"/> build three times. The
/// first build pays Roslyn's start-up (JIT of whatever is not precompiled, type loading, reading
/// the framework's metadata); the later ones are what compiling the module costs by itself. For
/// each step: wall time, the JIT's own time and the number of methods it compiled
/// (<see cref="System.Runtime.JitInfo"/>), and the CPU time of the process.
/// Run it from a ReadyToRun publish to see what frstap pays:
/// <c>dotnet publish bench/FlightRec.Benchmarks -c Release --ucr -p:PublishReadyToRun=true -o OUT</c>,
/// then <c>OUT/FlightRec.Benchmarks profile-build [--warm-up-first] [SCRIPT]</c>; with
/// --warm-up-first an empty class is built before the script's module; with --variant=NAME the
/// first build is one of <see cref="RoslynVariant"/>'s experiments instead.
/// </summary>
internal static class ColdBuildProfile
{
    private const string Hello = "probe begin { println(\"hello\") exit() }";
    private const string EmptyModule = "namespace FlightRec.Generated; public sealed class Warmup { }";

    public static void Run(string? scriptPath, bool warmUpFirst, string? variant = null)
    {
        var process = Stopwatch.StartNew();
        Console.WriteLine($"ReadyToRun images: FlightRec.Compiler {IsReadyToRun(typeof(ModuleBuilder))}, Roslyn {IsReadyToRun(typeof(Microsoft.CodeAnalysis.CSharp.CSharpCompilation))}");
        Console.WriteLine($"{"step",-28} {"wall ms",8} {"JIT ms",8} {"methods",8} {"CPU ms",8}");
        string source = Step("passes 1-3 (driver, -p3)", () => Translate(scriptPath));
        var builder = new ModuleBuilder();
        if (warmUpFirst)
        {
            // What a warm-up that knows nothing of the script could take off the first build.
            Step("build of an empty class", () => builder.Build(ModuleSource.ForModule(EmptyModule, "warmup"), ModuleBuildOptions.Default).Image
                ?? throw new InvalidOperationException("the empty module does not build"));
        }

        if (variant is not null)
        {
            Step($"Roslyn directly, {variant}", () => RoslynVariant.Build(source, variant));
        }

        for (int i = 1; i <= 3; i++)
        {
            Step($"pass 4 build #{i}", () => builder.Build(ModuleSource.ForModule(source, "profile"), ModuleBuildOptions.Default).Image
                ?? throw new InvalidOperationException("the module does not build"));
        }

        Console.WriteLine($"total since Main: {process.ElapsedMilliseconds} ms");
    }

    private static T Step<T>(string name, Func<T> step)
    {
        var jit = JitInfo.GetCompilationTime();
        long methods = JitInfo.GetCompiledMethodCount();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var result = step();
        wall.Stop();
        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine($"{name,-28} {wall.ElapsedMilliseconds,8} {(JitInfo.GetCompilationTime() - jit).TotalMilliseconds,8:F0} {JitInfo.GetCompiledMethodCount() - methods,8} {cpuUsed.TotalMilliseconds,8:F0}");
        return result;
    }

    private static string Translate(string? scriptPath)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exitCode = new CompilerDriver(stdout, stderr).Run(new CompilerOptions
        {
            LastPass = 3,
            ScriptPath = scriptPath,
            ScriptText = scriptPath is null ? Hello : null,
            ModuleName = "profile",
            TapsetDirectory = Path.Combine(RepositoryRoot.Find(), "tapset"),
        });
        return exitCode == 0 ? stdout.ToString() : throw new InvalidOperationException($"frstap -p3 failed ({exitCode}):\n{stderr}");
    }

    // A ReadyToRun image has a managed native header; an IL-only assembly has none.
    private static bool IsReadyToRun(Type type)
    {
        string path = type.Assembly.Location;
        using var reader = new System.Reflection.PortableExecutable.PEReader(File.OpenRead(path));
        return reader.PEHeaders.CorHeader?.ManagedNativeHeaderDirectory.Size > 0;
    }
}
