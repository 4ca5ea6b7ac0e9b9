namespace FlightRec.Runner.Output;

/// <summary>Stream mode with -o: every CPU's output, merged, into one file sequence.</summary>
internal sealed class StreamFileOutput(OutputFileNames names, RotationLimit limit) : IDataOutput
{
    private readonly OutputFile _file = new(names, cpu: null, limit);

    public string CurrentPath => _file.CurrentPath;

    public void Write(int cpu, ReadOnlySpan<byte> data) => _file.Write(data);

    public void SwitchFile() => _file.SwitchToNextFile();

    public void Flush() => _file.Flush();

    public void Dispose() => _file.Dispose();
}
