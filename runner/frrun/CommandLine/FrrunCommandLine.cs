using FlightRec.Runner.Output;

namespace FlightRec.Runner.CommandLine;

/// <summary>
/// Reads frrun's command line as staprun's parse_args() does (LANGUAGE.md §10.2): getopt
/// order, then the combination checks in staprun's order with its wording, then the operands.
/// A hand-written getopt rather than System.CommandLine, because staprun's users and scripts
/// rely on getopt's behaviour (clustered flags, -b8, options after the module, glibc's
/// error lines) and on its messages being exactly staprun's.
/// </summary>
internal static class FrrunCommandLine
{
    public const string Program = "frrun";

    private const string ShortOptions = "vwVhuc:x:t:LA:D:d:lC:b:Ro:FS:T:";
    private const string OverwriteKey = "overwrite";

    private static readonly LongOption[] LongOptions =
    [
        new("list", TakesArgument: false, "l"),
        new(OverwriteKey, TakesArgument: false, OverwriteKey),
        new("help", TakesArgument: false, "h"),
        new("version", TakesArgument: false, "V"),
    ];

    // The order in which conflicting modes are named: staprun's "'-A' and '-L'" first.
    private static readonly (string Letter, FrrunMode Mode)[] ModeLetters =
    [
        ("-A", FrrunMode.Attach), ("-L", FrrunMode.LoadOnly), ("-D", FrrunMode.Dump), ("-d", FrrunMode.Delete), ("-l", FrrunMode.List),
    ];

    public static ParseOutcome Parse(IReadOnlyList<string> args, string workingDirectory, TimeProvider clock)
    {
        var options = new FrrunOptions();
        var modes = new HashSet<FrrunMode>();
        string? outputPattern = null;
        RotationLimit rotation = RotationLimit.None;
        var operands = new List<string>();
        foreach (var item in new GetOpt(Program, ShortOptions, LongOptions).Scan(args, operands))
        {
            if (item.IsError)
            {
                return ParseOutcome.GetOptError(item.Error!);
            }

            string value = item.Argument ?? "";
            string? error = null;
            switch (item.Key)
            {
                case "v": options = options with { Verbosity = options.Verbosity + 1 }; break;
                case "w": options = options with { SuppressWarnings = true }; break;
                case "u": break;
                case "V": return ParseOutcome.Version();
                case "h": return ParseOutcome.Help();
                case "c": options = options with { TargetCommand = value }; break;
                case "x" or "t": options = options with { TargetPid = OptionValues.TargetPid(value, out error) }; break;
                case "L": modes.Add(FrrunMode.LoadOnly); break;
                case "A": modes.Add(FrrunMode.Attach); options = options with { SessionName = value }; break;
                case "D": modes.Add(FrrunMode.Dump); options = options with { SessionName = value }; break;
                case "d": modes.Add(FrrunMode.Delete); options = options with { SessionName = value }; break;
                case "l": modes.Add(FrrunMode.List); break;
                case "C": options = options with { Color = OptionValues.Color(value, out error) ?? ColorMode.Auto }; break;
                case "b": options = options with { BufferMegabytes = OptionValues.BufferMegabytes(value, out error) }; break;
                case "R": options = options with { Rename = true }; break;
                case OverwriteKey: options = options with { Overwrite = true }; break;
                case "o": outputPattern = value; break;
                case "F": options = options with { Background = true }; break;
                case "S": rotation = OptionValues.Rotation(value, out error) ?? RotationLimit.None; break;
                case "T": options = options with { ReaderTimeoutMs = OptionValues.ReaderTimeout(value, out error) ?? 0 }; break;
            }

            if (error is not null)
            {
                return ParseOutcome.UsageError(error);
            }
        }

        if (outputPattern is not null)
        {
            // Absolute, as staprun makes it, so a background consumer may run anywhere.
            outputPattern = outputPattern == OutputFileNames.DevNull ? outputPattern : Path.GetFullPath(outputPattern, workingDirectory);
            if (StrfTime.Format(outputPattern, clock.GetLocalNow()) is null)
            {
                return ParseOutcome.UsageError("Invalid FILE name format");
            }
        }

        var chosen = ModeLetters.Where(m => modes.Contains(m.Mode)).ToList();
        if (chosen.Count > 1)
        {
            return Together(chosen[0].Letter, chosen[1].Letter);
        }

        options = options with
        {
            Mode = chosen.Count == 1 ? chosen[0].Mode : FrrunMode.Run,
            Output = new OutputSettings(outputPattern, rotation),
        };
        return CheckCombinations(options) ?? WithOperands(options, operands);
    }

    // staprun's checks, in its order, with FlightRec's letters: its daemon -D is our -F.
    private static ParseOutcome? CheckCombinations(FrrunOptions options)
    {
        bool attach = options.Mode == FrrunMode.Attach;
        if (attach && options.BufferMegabytes is not null)
        {
            return ParseOutcome.UsageError("You can't specify the '-A' and '-b' options together.  The '-b'\n"
                + "buffer size option only has an effect when the module is inserted.");
        }

        if (attach && options.TargetCommand is not null)
        {
            return ParseOutcome.UsageError("You can't specify the '-A' and '-c' options together.  The '-c cmd'\n"
                + "option used to start a command only has an effect when the module\nis inserted.");
        }

        if (attach && options.TargetPid is not null)
        {
            return ParseOutcome.UsageError("You can't specify the '-A' and '-x' options together.  The '-x pid'\n"
                + "option only has an effect when the module is inserted.");
        }

        if (options.TargetCommand is not null && options.TargetPid is not null)
        {
            return Together("-c", "-x");
        }

        if (options.Mode is FrrunMode.Dump or FrrunMode.Delete or FrrunMode.List && LaunchOnlyOption(options) is { } launchOnly)
        {
            return Together(ModeLetters.First(m => m.Mode == options.Mode).Letter, launchOnly);
        }

        if (options.Mode == FrrunMode.LoadOnly && options.TargetCommand is not null)
        {
            // Nobody would remain to release the stopped command and report its exit.
            return Together("-L", "-c");
        }

        if (options.Background)
        {
            if (options.Mode is not (FrrunMode.Run or FrrunMode.Attach))
            {
                return Together("-F", ModeLetters.First(m => m.Mode == options.Mode).Letter);
            }

            if (options.TargetCommand is not null)
            {
                return Together("-F", "-c");
            }

            if (options.Output.FilePattern is null)
            {
                return ParseOutcome.UsageError("You have to specify output FILE with '-F' option.");
            }
        }

        if (options.Output.FilePattern is null && options.Output.Rotation.Rotates)
        {
            return ParseOutcome.UsageError("You have to specify output FILE with '-S' option.");
        }

        if (options.TargetCommand is not null && string.IsNullOrWhiteSpace(options.TargetCommand))
        {
            return ParseOutcome.UsageError("Empty CMD string invalid.");
        }

        return null;
    }

    private static string? LaunchOnlyOption(FrrunOptions options) =>
        options.BufferMegabytes is not null ? "-b"
        : options.TargetCommand is not null ? "-c"
        : options.TargetPid is not null ? "-x"
        : null;

    private static ParseOutcome WithOperands(FrrunOptions options, List<string> operands)
    {
        switch (options.Mode)
        {
            case FrrunMode.Attach when operands.Count > 0:
                return ParseOutcome.UsageError("Cannot have module options with attach (-A).");
            case FrrunMode.Dump when operands.Count > 0:
                return ParseOutcome.UsageError("Cannot have module options with dump (-D).");
            case FrrunMode.Delete when operands.Count > 0:
                return ParseOutcome.UsageError("Cannot have module options with delete (-d).");
            case FrrunMode.List when operands.Count > 0:
                return ParseOutcome.UsageError("Cannot have module options with list (-l).");
            case FrrunMode.Run or FrrunMode.LoadOnly when operands.Count == 0:
                return ParseOutcome.UsageError("Need a module name or path to load.");
            case FrrunMode.Run or FrrunMode.LoadOnly:
                if (operands.Skip(1).FirstOrDefault(o => !OptionValues.IsModuleOption(o)) is { } bad)
                {
                    return ParseOutcome.Failure($"Invalid module option '{bad}' (should be NAME=VALUE, with no spaces or '!' in VALUE).");
                }

                return ParseOutcome.Run(options with { ModulePath = operands[0], ModuleOptions = operands[1..] });
            default:
                return ParseOutcome.Run(options);
        }
    }

    private static ParseOutcome Together(string first, string second) =>
        ParseOutcome.UsageError($"You can't specify the '{first}' and '{second}' options together.");
}
