namespace FlightRec.Runner.Output;

/// <summary>Bulk mode: each CPU's output into its own file sequence (<c>FILE_cpuN</c>), all opened at once as staprun does.</summary>
internal sealed class BulkFileOutput : IDataOutput
{
    private readonly OutputFile[] _files;

    public BulkFileOutput(OutputFileNames names, RotationLimit limit, int cpuCount)
    {
        _files = new OutputFile[cpuCount];
        try
        {
            for (int cpu = 0; cpu < cpuCount; cpu++)
            {
                _files[cpu] = new OutputFile(names, cpu, limit);
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public string CurrentPath(int cpu) => _files[cpu].CurrentPath;

    public void Write(int cpu, ReadOnlySpan<byte> data) => _files[cpu].Write(data);

    public void SwitchFile()
    {
        foreach (var file in _files)
        {
            file.SwitchToNextFile();
        }
    }

    public void Flush()
    {
        foreach (var file in _files)
        {
            file.Flush();
        }
    }

    public void Dispose()
    {
        foreach (var file in _files)
        {
            file?.Dispose();
        }
    }
}
