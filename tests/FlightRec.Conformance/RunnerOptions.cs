using System.Globalization;

namespace FlightRec.Conformance;

/// <summary>The runner's command line; null fields mean "use the default".</summary>
internal sealed class RunnerOptions
{
    public const string Usage =
        "usage: FlightRec.Conformance [--corpus DIR] [--frstap PATH] [--kinds k1,k2] [--jobs N] [--update-floors] [--verbose]";

    public string? Corpus { get; private set; }

    public string? Frstap { get; private set; }

    public IReadOnlyList<string>? Kinds { get; private set; }

    public int Jobs { get; private set; } = Environment.ProcessorCount;

    public bool UpdateFloors { get; private set; }

    public bool Verbose { get; private set; }

    public bool Help { get; private set; }

    /// <summary>Parses args; throws <see cref="FormatException"/> with a one-line message on bad input.</summary>
    public static RunnerOptions Parse(IReadOnlyList<string> args)
    {
        var o = new RunnerOptions();
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            string? inline = null;
            int eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && eq > 0)
            {
                inline = arg[(eq + 1)..];
                arg = arg[..eq];
            }

            string Value() => inline ?? (++i < args.Count ? args[i] : throw new FormatException($"{arg} needs a value"));

            switch (arg)
            {
                case "--corpus":
                    o.Corpus = Value();
                    break;
                case "--frstap":
                    o.Frstap = Value();
                    break;
                case "--kinds":
                    o.Kinds = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    break;
                case "--jobs":
                    string jobs = Value();
                    o.Jobs = int.TryParse(jobs, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0
                        ? n
                        : throw new FormatException($"--jobs needs a positive number, not '{jobs}'");
                    break;
                case "--update-floors" when inline is null:
                    o.UpdateFloors = true;
                    break;
                case "--verbose" or "-v" when inline is null:
                    o.Verbose = true;
                    break;
                case "--help" or "-h" when inline is null:
                    o.Help = true;
                    break;
                default:
                    throw new FormatException($"unknown argument '{args[i]}'");
            }
        }

        return o;
    }
}
