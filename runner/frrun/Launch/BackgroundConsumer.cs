using System.Diagnostics;
using System.Globalization;
using FlightRec.Runner.CommandLine;
using FlightRec.Runner.Terminal;

namespace FlightRec.Runner.Launch;

/// <summary>
/// frrun -F (staprun's daemon mode): the consumer runs as a second frrun in the background,
/// attached to the module and writing the -o files, in its own session with stdio on
/// /dev/null; this frrun prints that consumer's pid and exits.
/// </summary>
internal static class BackgroundConsumer
{
    /// <summary>The hidden first argument that makes an frrun leave its terminal before anything else.</summary>
    public const string Flag = "--background";

    public static IReadOnlyList<string> Arguments(FrrunOptions options, string name)
    {
        var args = new List<string> { Flag, "-A", name, "-o", options.Output.FilePattern! };
        var rotation = options.Output.Rotation;
        if (rotation.Rotates)
        {
            args.AddRange(["-S", string.Create(CultureInfo.InvariantCulture, $"{rotation.MaxBytes >> 20},{rotation.KeepFiles}")]);
        }

        if (options.SuppressWarnings)
        {
            args.Add("-w");
        }

        args.AddRange(Enumerable.Repeat("-v", options.Verbosity));
        if (options.ReaderTimeoutMs != FrrunOptions.DefaultReaderTimeoutMs)
        {
            args.AddRange(["-T", options.ReaderTimeoutMs.ToString(CultureInfo.InvariantCulture)]);
        }

        return args;
    }

    /// <summary>Starts the background consumer for module <paramref name="name"/> and prints its pid.</summary>
    public static int Start(FrrunOptions options, string name, StandardStreams streams)
    {
        var (file, prefix) = SelfCommand.Resolve();
        var start = new ProcessStartInfo(file)
        {
            // Pipes, not our terminal: the consumer replaces them with /dev/null at once.
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in prefix.Concat(Arguments(options, name)))
        {
            start.ArgumentList.Add(arg);
        }

        using var consumer = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        streams.Out.WriteLine(consumer.Id.ToString(CultureInfo.InvariantCulture));
        streams.Out.Flush();
        return 0;
    }
}
