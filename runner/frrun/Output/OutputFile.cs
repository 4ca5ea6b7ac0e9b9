namespace FlightRec.Runner.Output;

/// <summary>
/// One output file sequence (the stream, or one CPU in bulk mode), as staprun's relay reader
/// writes it: opened (created or truncated) at once, switched to the next number when a write
/// would exceed the -S size or on SIGUSR2, and with -S SIZE,N the oldest file deleted whenever
/// more than N exist. A write is never split: a record larger than SIZE fills a file alone.
/// </summary>
internal sealed class OutputFile : IDisposable
{
    private const int BufferSize = 64 * 1024;

    private readonly OutputFileNames _names;
    private readonly int? _cpu;
    private readonly RotationLimit _limit;
    private readonly Queue<string> _keptPaths = new();
    private FileStream _stream;
    private long _bytesInFile;
    private int _fileNumber;

    public OutputFile(OutputFileNames names, int? cpu, RotationLimit limit)
    {
        _names = names;
        _cpu = cpu;
        _limit = limit;
        CurrentPath = _names.For(0, _cpu);
        _stream = Open(CurrentPath);
        _keptPaths.Enqueue(CurrentPath);
    }

    public string CurrentPath { get; private set; }

    public void Write(ReadOnlySpan<byte> data)
    {
        if (_limit.Rotates && _bytesInFile > 0 && _bytesInFile + data.Length > _limit.MaxBytes)
        {
            SwitchToNextFile();
        }

        try
        {
            _stream.Write(data);
        }
        catch (IOException e)
        {
            throw new OutputFileException($"Couldn't write to output file {CurrentPath}: {IoErrorText.Describe(e)}");
        }

        _bytesInFile += data.Length;
    }

    public void SwitchToNextFile()
    {
        Close();
        _fileNumber++;
        CurrentPath = _names.For(_fileNumber, _cpu);
        _stream = Open(CurrentPath);
        _bytesInFile = 0;
        if (_limit.Rotates)
        {
            _keptPaths.Enqueue(CurrentPath);
            RemoveFilesBeyondLimit();
        }
    }

    public void Flush()
    {
        try
        {
            _stream.Flush();
        }
        catch (IOException e)
        {
            throw new OutputFileException($"Couldn't write to output file {CurrentPath}: {IoErrorText.Describe(e)}");
        }
    }

    public void Dispose() => Close();

    private void Close()
    {
        try
        {
            _stream.Dispose();
        }
        catch (IOException)
        {
            // The last buffered bytes could not be written (disk full); the next open or the
            // caller's own Flush reports such failures, closing must not mask the real error.
        }
    }

    private void RemoveFilesBeyondLimit()
    {
        while (_limit.KeepFiles > 0 && _keptPaths.Count > _limit.KeepFiles)
        {
            string oldest = _keptPaths.Dequeue();
            if (oldest != OutputFileNames.DevNull)
            {
                try
                {
                    File.Delete(oldest);
                }
                catch (IOException)
                {
                    // Like staprun's remove(): a file the user already moved away is not an error.
                }
                catch (UnauthorizedAccessException)
                {
                }
            }
        }
    }

    private static FileStream Open(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.ReadWrite, BufferSize);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputFileException($"Couldn't open output file {path}: {IoErrorText.Describe(e)}");
        }
    }
}
