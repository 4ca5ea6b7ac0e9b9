using FlightRec.Compiler.Diagnostics;
using FlightRec.Compiler.Parsing;
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
        var printer = new DiagnosticPrinter();
        var libraryDiagnostics = new DiagnosticBag();
        var parseOptions = ParseOptionsFor(options, libraryDiagnostics);
        printer.Write(stderr, libraryDiagnostics.Items.Where(d => !d.IsError));
        if (libraryDiagnostics.HasErrors)
        {
            printer.Write(stderr, libraryDiagnostics.Items.Where(d => d.IsError));
            return Fail(1, libraryDiagnostics.Items.Count(d => d.IsError && d.Kind == "parse error"));
        }

        SourceFile source;
        try
        {
            source = ReadScript(options);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
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
            return 0;
        }

        var tapsetDiagnostics = new DiagnosticBag();
        var tapsets = TapsetLibrary.Load(TapsetDirectories(options), parseOptions, tapsetDiagnostics);
        printer.Write(stderr, tapsetDiagnostics.Items);
        if (tapsetDiagnostics.HasErrors)
        {
            return Fail(1, tapsetDiagnostics.Items.Count(d => d.IsError && d.Kind == "parse error"));
        }

        bool listing = options.Listing != ProbeListingMode.None;
        var semanticDiagnostics = new DiagnosticBag();
        var program = SemanticPipeline.Run(new SemanticContext(result.Script!, semanticDiagnostics)
        {
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

        if (options.LastPass == 2)
        {
            stdout.Write(Pass2Printer.Print(program));
            ReportSuppressed(program);
            return 0;
        }

        string generated;
        try
        {
            generated = CSharpEmitter.Emit(program, options.ModuleName ?? DefaultModuleName(source), options.Defines, options.CompatibleVersion);
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
            return 0;
        }

        stderr.WriteLine($"Pass {options.LastPass} is not available yet: this frstap implements passes 1 to 3 (-p1, -p2, -p3).");
        return 1;
    }

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
