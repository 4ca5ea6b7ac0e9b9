namespace FlightRec.Runner.Output;

/// <summary>Script output to frrun's own stdout (no -o, stream mode).</summary>
internal sealed class StandardOutput(Stream stdout) : IDataOutput
{
    public void Write(int cpu, ReadOnlySpan<byte> data) => stdout.Write(data);

    public void SwitchFile()
    {
        // staprun ignores SIGUSR2 when writing to stdout: there is no next file.
    }

    public void Flush() => stdout.Flush();

    public void Dispose() => stdout.Flush();
}
