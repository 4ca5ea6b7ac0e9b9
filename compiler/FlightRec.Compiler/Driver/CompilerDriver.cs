using FlightRec.Compiler.Building;
using FlightRec.Compiler.Diagnostics;
using FlightRec.Compiler.Parsing;
using FlightRec.Compiler.Running;
using FlightRec.Compiler.Semantics;
using FlightRec.Compiler.Syntax;
using FlightRec.Compiler.Translation;

namespace FlightRec.Compiler.Driver;

/// <summary>
/// Runs the passes frstap asks for and reports as stap does: diagnostics on stderr,
/// the pass's product on stdout, "Pass N: … failed" and exit code 1 on failure.
/// </summary>
public sealed class CompilerDriver(TextWriter stdout, TextWriter stderr)
{
    public int Run(CompilerOptions options)
    {
        var clock = PassClock.Start();

        // Read first: standard input can be read only once, and the script cache needs the text.
        SourceFile? source = null;
        try
        {
            source = ReadScript(options);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Reported below, where stap reports it: after the library's diagnostics.
        }

        ScriptCacheWriter? remember = null;
        if (source is not null && ScriptCacheKey.Applies(options) && ScriptCache.ForCurrentUser() is { } scriptCache)
        {
            string key = ScriptCacheKey.Compute(options, source.Text, TapsetDirectories(options));
            if (TryCachedRun(options, scriptCache, key) is int cachedStatus)
            {
                return cachedStatus;
            }

            // Everything passes 1-4 print from here on is replayed by the next run that hits the cache.
            remember = new ScriptCacheWriter(scriptCache, key, stderr);
        }

        var original = stderr;
        stderr = remember?.Recorder ?? stderr;
        try
        {
            return RunPasses(options, source, clock, remember);
        }
        finally
        {
            stderr = original;
        }
    }

    private int RunPasses(CompilerOptions options, SourceFile? source, PassClock clock, ScriptCacheWriter? remember)
    {
        var printer = new DiagnosticPrinter();
        var libraryDiagnostics = new DiagnosticBag();
        var parseOptions = ParseOptionsFor(options, libraryDiagnostics);
        printer.Write(stderr, libraryDiagnostics.Items.Where(d => !d.IsError));
        if (libraryDiagnostics.HasErrors)
        {
            printer.Write(stderr, libraryDiagnostics.Items.Where(d => d.IsError));
            return Fail(1, libraryDiagnostics.Items.Count(d => d.IsError && d.Kind == "parse error"));
        }

        if (source is null)
        {
            stderr.WriteLine($"Input file '{options.ScriptPath}' can't be opened for reading.");
            return Fail(1, 0);
        }

        var result = ScriptParser.Parse(source, parseOptions);
        printer.Write(stderr, result.Diagnostics);
        if (!result.Succeeded)
        {
            return Fail(1, result.ErrorCount);
        }

        if (options.LastPass == 1)
        {
            stdout.Write(PrettyPrinter.Print(result.Script!));
            ReportPass(options, $"Pass 1: parsed user script and 0 library scripts {PassClock.MemoryUsage()}{clock.Times()}");
            return 0;
        }

        var script = result.Script!;
        if (options.TimeoutMilliseconds is { } timeout)
        {
            // stap -T: a synthesized probe that ends the run, elaborated like the user's own.
            var synthetic = ScriptParser.Parse(new SourceFile("<timeout>", $"probe timer.ms({timeout}) {{exit()}}"), parseOptions);
            script = script with { Declarations = script.Declarations.AddRange(synthetic.Script!.Declarations) };
        }

        var tapsetDiagnostics = new DiagnosticBag();
        var tapsets = TapsetLibrary.Load(TapsetDirectories(options), parseOptions, tapsetDiagnostics);
        printer.Write(stderr, tapsetDiagnostics.Items);
        if (tapsetDiagnostics.HasErrors)
        {
            return Fail(1, tapsetDiagnostics.Items.Count(d => d.IsError && d.Kind == "parse error"));
        }

        int libraryScripts = tapsets.Files.Count;
        ReportPass(options, $"Pass 1: parsed user script and {Plural(libraryScripts, "library script")} {PassClock.MemoryUsage()}{clock.Times()}");
        clock.Restart();

        bool listing = options.Listing != ProbeListingMode.None;
        var semanticDiagnostics = new DiagnosticBag();
        var tracefs = Runtime.Providers.Tracepoints.TracefsCatalogue.Open();
        var program = SemanticPipeline.Run(new SemanticContext(script, semanticDiagnostics)
        {
            Catalogue = Runtime.Providers.Catalogue.ProbeCatalogue.CreateDefault(tracefs),
            Unoptimized = options.Unoptimized || listing,
            SuppressWarnings = options.SuppressWarnings || listing,
            WarningsAreErrors = options.WarningsAreErrors,
            Verbosity = options.Verbosity,
            GlobalAssignments = options.GlobalAssignments,
            Guru = options.Guru,
            Library = tapsets,
            SuffixesAllowed = Parsing.Preprocessing.VersionCompare.Compare(options.CompatibleVersion, "2.0") >= 0,
        });
        if (listing)
        {
            // stap stays quiet in dump mode: a pattern that matches nothing just lists nothing.
            string listed = program.Failed ? "" : ProbeListing.Print(program, options.Listing == ProbeListingMode.WithVariables);
            stdout.Write(listed);
            return listed.Length > 0 ? 0 : 1;
        }

        printer.Write(stderr, semanticDiagnostics.Items);
        if (program.Failed)
        {
            int failed = Fail(2, 0);
            ReportSuppressed(program);
            return failed;
        }

        ReportPass(options, "Pass 2: analyzed script: " + Counts(program) + $" {PassClock.MemoryUsage()}{clock.Times()}");
        clock.Restart();
        if (options.LastPass == 2)
        {
            stdout.Write(Pass2Printer.Print(program));
            ReportSuppressed(program);
            return 0;
        }

        string moduleName = options.ModuleName ?? DefaultModuleName(source);
        string generated;
        try
        {
            generated = CSharpEmitter.Emit(program, moduleName, SettingsFor(options));
        }
        catch (NotTranslatedException e)
        {
            stderr.WriteLine(e.Message);
            return Fail(3, 0);
        }

        if (options.LastPass == 3)
        {
            stdout.Write(generated);
            ReportSuppressed(program);
            ReportPass(options, $"Pass 3: translated to C# {PassClock.MemoryUsage()}{clock.Times()}");
            return 0;
        }

        using var work = ModuleWorkDirectory.Create(keep: options.KeepTemporary);
        ReportPass(options, $"Pass 3: translated to C# into \"{Path.Combine(work.Path, moduleName + ".cs")}\" {PassClock.MemoryUsage()}{clock.Times()}");
        clock.Restart();
        // What tracefs lists can change under an unchanged script: such a script is never cached.
        int status = BuildAndRun(options, program, generated, moduleName, work, clock, tracefs.Consulted ? null : remember);
        if (work.Kept)
        {
            stderr.WriteLine($"Keeping temporary directory \"{work.Path}\"");
        }

        return status;
    }

    private int BuildAndRun(CompilerOptions options, SemanticContext program, string generated, string moduleName,
        ModuleWorkDirectory work, PassClock clock, ScriptCacheWriter? remember)
    {
        var outcome = new ModuleBuildPass(new ModuleBuilder(), ModuleCache.ForCurrentUser())
            .Run(ModuleSource.ForModule(generated, moduleName), BuildOptionsFor(program), work);
        if (!outcome.Succeeded)
        {
            foreach (string line in outcome.InternalError)
            {
                stderr.WriteLine(line);
            }

            stderr.WriteLine("Pass 4: compilation failed.  [man error::pass4]");
            return 1;
        }

        ReportPass(options, outcome.Cache == CacheStatus.Hit
            ? $"Pass 4: using cached {outcome.CacheEntryPath}"
            : $"Pass 4: compiled C# into \"{moduleName}.dll\" {clock.Times()}");
        ReportSuppressed(program);
        if (outcome.CacheKey is { } moduleKey)
        {
            remember?.Store(moduleName, moduleKey);
        }

        return Deliver(options, outcome.Image!, moduleName, work);
    }

    /// <summary>A run whose passes 1-4 are in the script cache: their messages again, then the module.</summary>
    private int? TryCachedRun(CompilerOptions options, ScriptCache cache, string key)
    {
        if (cache.TryLoad(key) is not { } entry || ModuleCache.ForCurrentUser()?.TryLoad(entry.ModuleKey) is not { } image)
        {
            return null;
        }

        stderr.Write(entry.Diagnostics);
        using var work = ModuleWorkDirectory.Create(keep: false);
        return Deliver(options, image, entry.ModuleName, work);
    }

    // -p4 writes NAME.dll here and names it; a run writes it into the work directory for frrun.
    private int Deliver(CompilerOptions options, byte[] image, string moduleName, ModuleWorkDirectory work)
    {
        string fileName = moduleName + ".dll";
        string modulePath = options.LastPass == 4 ? fileName : Path.Combine(work.Path, fileName);
        try
        {
            ModuleBuildOutcome.WriteImage(image, modulePath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"frstap: cannot write module {modulePath}: {e.Message}");
            stderr.WriteLine("Pass 4: compilation failed.  [man error::pass4]");
            return 1;
        }

        if (options.LastPass == 4)
        {
            stdout.WriteLine(fileName);
            return 0;
        }

        return RunModule(options, modulePath);
    }

    // Pass 5: frrun hosts the module; its exit status is the run's.
    private int RunModule(CompilerOptions options, string modulePath)
    {
        if (FrrunProgram.Find() is not { } frrun)
        {
            stderr.WriteLine($"frstap: cannot find frrun: install it beside frstap or name it with {FrrunProgram.EnvironmentVariable}");
            stderr.WriteLine("Pass 5: run failed.  [man error::pass5]");
            return 1;
        }

        var arguments = FrrunArguments.For(options, modulePath);
        ReportPass(options, "Pass 5: starting run.");
        ReportPass(options, "Running " + frrun.Display(arguments));
        stdout.Flush();
        stderr.Flush();
        var clock = PassClock.Start();
        int? status = new FrrunSession().Run(frrun, arguments, out string? startError);
        if (status is null)
        {
            stderr.WriteLine($"frstap: cannot start {frrun.FileName}: {startError}");
        }

        ReportPass(options, $"Pass 5: run completed {clock.Times()}");
        if (status != 0)
        {
            stderr.WriteLine("Pass 5: run failed.  [man error::pass5]");
        }

        return status ?? 1;
    }

    private void ReportPass(CompilerOptions options, string line)
    {
        if (options.Verbosity > 0)
        {
            stderr.WriteLine(line);
        }
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    // stap's "N probes, N functions, N embeds, N globals".
    private static string Counts(SemanticContext program)
    {
        int functions = program.AllFunctions.Count(f => !f.IsBuiltin && !f.Elided && f.Used && f.Body is not null);
        int globals = program.Globals.Count(g => !g.Elided);
        return $"{Plural(program.Probes.Count, "probe")}, {Plural(functions, "function")}, {Plural(0, "embed")}, {Plural(globals, "global")}";
    }

    // The user's embedded C# may well draw warnings: those are theirs to read, not a frstap bug.
    private static ModuleBuildOptions BuildOptionsFor(SemanticContext program)
    {
        bool userCode = program.Script.Declarations.OfType<EmbeddedDeclaration>().Any()
            || program.AllFunctions.Any(f => f.Used && !f.Elided && f.Body is EmbeddedCode && f.Declaration?.Span.File == program.Script.Source);
        return userCode ? ModuleBuildOptions.Default with { WarningsAreErrors = false, ContainsUserCode = true } : ModuleBuildOptions.Default;
    }

    private static ModuleSettings SettingsFor(CompilerOptions options) => new()
    {
        Overwrite = options.Overwrite,
        Bulk = options.Bulk,
        BufferSizeMegabytes = options.BufferSizeMegabytes,
        Defines = options.Defines,
        CompatibleVersion = options.CompatibleVersion,
    };

    /// <summary>stap's default module name is stap_HASH; ours is frs_ and a hash of the script text.</summary>
    private static string DefaultModuleName(SourceFile source)
    {
        byte[] hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(source.Text));
        return "frs_" + Convert.ToHexStringLower(hash)[..16];
    }

    // stap's report_suppression, once the run is over.
    private void ReportSuppressed(SemanticContext program)
    {
        if (program.SuppressedWarnings > 0)
        {
            stderr.WriteLine($"Number of similar warning messages suppressed: {program.SuppressedWarnings}.");
            stderr.WriteLine("Rerun with -v to see them.");
        }
    }

    private int Fail(int pass, int parseErrors)
    {
        if (parseErrors > 0)
        {
            stderr.WriteLine(parseErrors == 1 ? "1 parse error." : $"{parseErrors} parse errors.");
        }

        stderr.WriteLine(pass switch
        {
            1 => "Pass 1: parse failed.  [man error::pass1]",
            2 => "Pass 2: analysis failed.  [man error::pass2]",
            3 => "Pass 3: translation failed.  [man error::pass3]",
            _ => $"Pass {pass}: failed.",
        });
        return 1;
    }

    private static SourceFile ReadScript(CompilerOptions options)
    {
        if (options.ScriptText is { } text)
        {
            return new SourceFile("<input>", text);
        }

        if (options.ScriptPath == "-")
        {
            using var stdin = Console.OpenStandardInput();
            using var buffer = new MemoryStream();
            stdin.CopyTo(buffer);
            return SourceFile.FromBytes("<input>", buffer.ToArray());
        }

        return SourceFile.Load(options.ScriptPath!);
    }

    private static ParseOptions ParseOptionsFor(CompilerOptions options, DiagnosticBag diagnostics)
    {
        var facts = SystemFacts.Current;
        if (options.KernelRelease is { } release)
        {
            facts = facts with { KernelRelease = release };
        }

        var baseOptions = new ParseOptions
        {
            Guru = options.Guru,
            Arguments = options.Arguments,
            CompatibleVersion = options.CompatibleVersion,
            Runtime = options.Runtime,
            System = facts,
        };

        foreach (string missing in options.IncludeDirectories.Where(d => !Directory.Exists(d)))
        {
            diagnostics.Add(Diagnostic.Plain($"Tapset directory '{missing}' given with -I does not exist."));
        }

        var library = MacroLibrary.Load(TapsetDirectories(options), options.Runtime, baseOptions, diagnostics);
        return baseOptions with { Library = library };
    }

    /// <summary>The bundled tapset directory, then the -I directories.</summary>
    private static List<string> TapsetDirectories(CompilerOptions options)
    {
        var directories = new List<string>();
        if (TapsetLocator.Find(options.TapsetDirectory) is { } tapset)
        {
            directories.Add(tapset);
        }

        directories.AddRange(options.IncludeDirectories);
        return directories;
    }
}
