using System.CommandLine;
using System.Globalization;
using System.CommandLine.Parsing;
using FlightRec.Compiler.Driver;

namespace FlightRec.Frstap;

/// <summary>
/// frstap's command line, mirroring stap's options (LANGUAGE.md §10.1). Bad input gets a
/// one-line error and a pointer to --help on stderr, exit code 1, never a stack trace.
/// </summary>
public static class FrstapCommandLine
{
    public const string Version = "0.1";

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        (args, int verbosity) = VerbosityFlags.Extract(args);
        var pass = new Option<int?>("-p") { Description = "Stop after pass NUM (1 parse, 2 elaborate, 3 translate, 4 build, 5 run)." };
        var script = new Option<string[]>("-e") { Description = "Run the script given as TEXT." };
        var guru = new Option<bool>("-g") { Description = "Guru mode: allow embedded C# code." };
        var include = new Option<string[]>("-I") { Description = "Add a tapset directory.", AllowMultipleArgumentsPerToken = false };
        var defines = new Option<string[]>("-D") { Description = "Set a module limit NAME=VALUE." };
        var verbose = new Option<bool>("-v") { Description = "More verbose output (repeatable: -v -v, or -vv)." };
        var unoptimized = new Option<bool>("-u") { Description = "Unoptimized translation." };
        var noWarnings = new Option<bool>("-w") { Description = "Suppress warnings." };
        var warningsAsErrors = new Option<bool>("-W") { Description = "Treat warnings as errors." };
        var module = new Option<string?>("-m") { Description = "Module name." };
        var keep = new Option<bool>("-k") { Description = "Keep the temporary directory." };
        var output = new Option<string?>("-o") { Description = "Send script output to FILE." };
        var bulk = new Option<bool>("-b") { Description = "Bulk mode: per-CPU output files." };
        var bufferSize = new Option<string?>("-s") { Description = "Buffer size in MB per CPU (1-4095)." };
        var command = new Option<string?>("-c") { Description = "Start CMD and stop when it exits." };
        var target = new Option<string?>("-x") { Description = "Set target() to PID." };
        var flightRecorder = new Option<bool>("-F") { Description = "Flight recorder: launch and detach." };
        var overwrite = new Option<bool>("-O") { Description = "Overwrite the oldest data when the buffers are full." };
        var timeout = new Option<string?>("-T") { Description = "Stop after SECONDS." };
        var globals = new Option<string[]>("-G") { Description = "Set a global NAME=VALUE at start." };
        var rotation = new Option<string?>("-S") { Description = "Rotate output files at SIZE MB, keeping N: SIZE[,N]." };
        var compatible = new Option<string?>("--compatible") { Description = "Language compatibility VERSION." };
        var runtime = new Option<string?>("--runtime") { Description = "Runtime: kernel or bpf." };
        var release = new Option<string?>("-r") { Description = "Kernel RELEASE for %( kernel_v %) conditions." };
        var version = new Option<bool>("-V", "--version") { Description = "Show the version." };
        var list = new Option<string?>("-l") { Description = "List the probe points matching PATTERN." };
        var listVariables = new Option<string?>("-L") { Description = "List matching probe points with their variables." };
        var rest = new Argument<string[]>("SCRIPT [ARGS]") { Arity = ArgumentArity.ZeroOrMore };

        var root = new RootCommand("frstap: compile and run FlightRec probe scripts.")
        {
            pass, script, guru, include, defines, verbose, unoptimized, noWarnings, warningsAsErrors, module, keep,
            output, bulk, bufferSize, command, target, flightRecorder, overwrite, timeout, globals, compatible,
            runtime, release, version, rotation, list, listVariables, rest,
        };
        root.Options.Remove(root.Options.First(o => o.Name == "--version"));
        root.TreatUnmatchedTokensAsErrors = true;

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            stderr.WriteLine($"frstap: {parsed.Errors[0].Message}");
            return Usage(stderr);
        }

        if (args.Contains("-h") || args.Contains("--help"))
        {
            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
        }

        if (parsed.GetValue(version))
        {
            stdout.WriteLine($"FlightRec translator/driver (version {Version})");
            return 0;
        }

        int lastPass = parsed.GetValue(pass) ?? 5;
        if (lastPass is < 1 or > 5)
        {
            stderr.WriteLine("Invalid pass number (should be 1-5).");
            return 1;
        }

        if (CheckOptionValues(parsed, defines, globals, module, bufferSize, timeout, target, command, rotation, stderr)
            is not { } moduleName)
        {
            return 1;
        }

        string? listPattern = parsed.GetValue(list);
        string? listVariablesPattern = parsed.GetValue(listVariables);
        if (listPattern is not null && listVariablesPattern is not null)
        {
            stderr.WriteLine("ERROR: only one of the -l/-L/--dump-* switches may be specified");
            return 1;
        }

        var words = parsed.GetValue(rest) ?? [];
        var texts = parsed.GetValue(script) ?? [];
        if ((listPattern ?? listVariablesPattern) is { } pattern)
        {
            // stap -l/-L: elaborate "probe PATTERN {}" and list what it resolves to.
            texts = [$"probe {pattern} {{}}"];
            lastPass = 2;
        }

        if (texts.Length > 1)
        {
            stderr.WriteLine("Only one script can be given on the command line.");
            return 1;
        }

        string? text = texts.Length == 1 ? texts[0] : null;
        string? path = null;
        IReadOnlyList<string> scriptArgs = words;
        if (text is null)
        {
            if (words.Length == 0)
            {
                stderr.WriteLine("A script must be specified.");
                return Usage(stderr);
            }

            path = words[0];
            if (path.Length > 1 && path[0] == '-')
            {
                stderr.WriteLine($"frstap: unrecognized option '{path}'");
                return Usage(stderr);
            }

            scriptArgs = words[1..];
        }

        if (path is not null && path != "-" && !File.Exists(path))
        {
            stderr.WriteLine($"frstap: Input file '{path}' can't be opened for reading.");
            return 1;
        }

        string? runtimeName = parsed.GetValue(runtime);
        if (runtimeName is not null and not ("kernel" or "bpf"))
        {
            stderr.WriteLine($"frstap: invalid runtime '{runtimeName}' (expected kernel or bpf)");
            return 1;
        }

        var options = new CompilerOptions
        {
            LastPass = lastPass,
            ScriptPath = path,
            ScriptText = text,
            Arguments = scriptArgs,
            Guru = parsed.GetValue(guru),
            Unoptimized = parsed.GetValue(unoptimized),
            SuppressWarnings = parsed.GetValue(noWarnings),
            WarningsAreErrors = parsed.GetValue(warningsAsErrors),
            IncludeDirectories = parsed.GetValue(include) ?? [],
            CompatibleVersion = parsed.GetValue(compatible) ?? FlightRec.Compiler.Parsing.ParseOptions.DefaultCompatibleVersion,
            Runtime = runtimeName ?? "kernel",
            KernelRelease = parsed.GetValue(release),
            Verbosity = verbosity,
            ModuleName = moduleName.Length == 0 ? null : moduleName,
            Defines = parsed.GetValue(defines) ?? [],
            GlobalAssignments = parsed.GetValue(globals) ?? [],
            Listing = listVariablesPattern is not null ? ProbeListingMode.WithVariables
                : listPattern is not null ? ProbeListingMode.Points : ProbeListingMode.None,
            KeepTemporary = parsed.GetValue(keep),
            Overwrite = parsed.GetValue(overwrite),
            Bulk = parsed.GetValue(bulk),
            BufferSizeMegabytes = parsed.GetValue(bufferSize) is { } mb ? int.Parse(mb, CultureInfo.InvariantCulture) : null,
            TimeoutMilliseconds = parsed.GetValue(timeout) is { } seconds
                ? Math.Max(1, (long)(1000 * double.Parse(seconds, NumberStyles.Float, CultureInfo.InvariantCulture)))
                : null,
            Run = new RunRequest
            {
                OutputFile = parsed.GetValue(output),
                Command = parsed.GetValue(command),
                TargetPid = parsed.GetValue(target) is { } pid ? int.Parse(pid, CultureInfo.InvariantCulture) : null,
                Rotation = parsed.GetValue(rotation),
                FlightRecorder = parsed.GetValue(flightRecorder),
            },
        };

        try
        {
            return new CompilerDriver(stdout, stderr).Run(options);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug in frstap: say so in one line rather than with a stack trace.
            stderr.WriteLine($"frstap: internal error: {e.GetType().Name}: {e.Message}");
            return 1;
        }
    }

    // Returns the module name ("" when none was given), or null after printing why a value is refused.
    private static string? CheckOptionValues(ParseResult parsed, Option<string[]> defines, Option<string[]> globals,
        Option<string?> module, Option<string?> bufferSize, Option<string?> timeout, Option<string?> target,
        Option<string?> command, Option<string?> rotation, TextWriter stderr)
    {
        var errors = new List<string?>();
        errors.AddRange((parsed.GetValue(defines) ?? []).Select(d => OptionChecks.Define(d) ?? OptionChecks.LimitValue(d)));
        errors.AddRange((parsed.GetValue(globals) ?? []).Select(OptionChecks.Global));
        if (parsed.GetValue(bufferSize) is { } size)
        {
            errors.Add(OptionChecks.BufferSize(int.TryParse(size, out int mb) ? mb : 0));
        }

        if (parsed.GetValue(timeout) is { } seconds)
        {
            errors.Add(OptionChecks.Timeout(seconds));
        }

        if (parsed.GetValue(target) is { } pid)
        {
            errors.Add(OptionChecks.TargetPid(int.TryParse(pid, out int p) ? p : 0));
        }

        if (parsed.GetValue(command) is { } cmd)
        {
            errors.Add(OptionChecks.Command(cmd));
        }

        if (parsed.GetValue(rotation) is { } rotate)
        {
            errors.Add(OptionChecks.Rotation(rotate));
        }

        string name = "";
        if (parsed.GetValue(module) is { } requested)
        {
            var (normalised, error, notice) = OptionChecks.ModuleName(requested);
            errors.Add(error);
            if (notice is not null)
            {
                stderr.WriteLine(notice);
            }

            name = normalised ?? "";
        }

        if (errors.FirstOrDefault(e => e is not null) is { } first)
        {
            stderr.WriteLine(first);
            return null;
        }

        return name;
    }

    private static int Usage(TextWriter stderr)
    {
        stderr.WriteLine("Usage: frstap [OPTIONS] FILE [ARGS...] | frstap [OPTIONS] -e SCRIPT [ARGS...]");
        stderr.WriteLine("Try '--help' for more information.");
        return 1;
    }
}
