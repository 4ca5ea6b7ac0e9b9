using FlightRec.Runtime.Providers.Tracepoints;

namespace FlightRec.Runtime.Tests.Providers.Tracepoints;

/// <summary>A tracefs-shaped directory tree under /tmp: available_events and events/SUB/EVENT/format files.</summary>
internal sealed class FakeTracefs : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("flightrec-tracefs-").FullName;

    public FakeTracefs WithAvailableEvents(params string[] lines)
    {
        File.WriteAllText(Path.Combine(Root, "available_events"), string.Concat(lines.Select(l => l + "\n")));
        return this;
    }

    /// <summary>Creates events/SUB/EVENT (and its format file when <paramref name="format"/> is given).</summary>
    public FakeTracefs WithEvent(string subsystemAndEvent, string? format = null)
    {
        string[] parts = subsystemAndEvent.Split(':');
        string directory = Path.Combine(Root, "events", parts[0], parts[1]);
        Directory.CreateDirectory(directory);
        if (format is not null)
        {
            File.WriteAllText(Path.Combine(directory, "format"), format);
        }

        return this;
    }

    public string FormatPath(string subsystem, string name) => Path.Combine(Root, "events", subsystem, name, "format");

    public TracefsCatalogue Open() => TracefsCatalogue.Open(Root);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
