namespace FlightRec.Runner.Output;

/// <summary>Where the consumer puts script output: stdout, one file sequence, or one per CPU (bulk mode).</summary>
internal interface IDataOutput : IDisposable
{
    /// <summary>One record's payload, produced on <paramref name="cpu"/>.</summary>
    void Write(int cpu, ReadOnlySpan<byte> data);

    /// <summary>SIGUSR2: continue in the next file (nothing for stdout).</summary>
    void SwitchFile();

    /// <summary>Makes everything written so far visible, e.g. to <c>tail -f</c>.</summary>
    void Flush();
}
