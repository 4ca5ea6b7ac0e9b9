using FlightRec.Runtime.Transport;

namespace FlightRec.Runtime.Tests.Transport;

/// <summary>
/// A host killed between committing a record and publishing the head leaves that record just
/// past the head; killed earlier, it leaves a torn record there. The dump of a dead host's
/// rings must recover the first and skip the second, saying so.
/// </summary>
public class CrashRecoveryTests
{
    // "rN\n" is 3 bytes: a 32-byte header plus payload, 8-byte aligned.
    private const long RecordSize = 40;

    [Fact]
    public void RecordCommittedButNotPublishedIsRecovered()
    {
        using var session = DeadHostSession();
        WriteThree(session);
        SetLong(session, RingLayout.HeadOffset, 2 * RecordSize);
        SetLong(session, RingLayout.NextSequenceOffset, 2);

        var sink = session.Dump(out var summary);

        Assert.Equal("r0\nr1\nr2\n", sink.Stdout);
        Assert.Equal(0, summary.TornRecords);
        Assert.False(summary.HostAlive);
    }

    [Fact]
    public void TornRecordIsSkippedWithAWarning()
    {
        using var session = DeadHostSession();
        WriteThree(session);
        SetLong(session, RingLayout.HeadOffset, 2 * RecordSize);
        SetLong(session, RingLayout.NextSequenceOffset, 2);
        SetInt(session, RingLayout.HeaderSize + (2 * RecordSize) + RingLayout.RecordCommitOffset, 0);

        var sink = session.Dump(out var summary);

        Assert.Equal("r0\nr1\n", sink.Stdout);
        Assert.Equal(1, summary.TornRecords);
        Assert.Equal("WARNING: skipped a record torn by the crash in cpu0.ring (sequence 2)\n", sink.Stderr);
    }

    [Fact]
    public void LiveHostsUnpublishedRecordIsLeftAlone()
    {
        using var session = new TestSession(cpus: 1);
        WriteThree(session);
        SetLong(session, RingLayout.HeadOffset, 2 * RecordSize);
        SetInt(session, RingLayout.HeaderSize + (2 * RecordSize) + RingLayout.RecordCommitOffset, 0);

        var sink = session.Dump(out var summary);

        Assert.Equal("r0\nr1\n", sink.Stdout);
        Assert.Equal("", sink.Stderr);
        Assert.Equal(0, summary.TornRecords);
    }

    [Fact]
    public void CleanlyClosedRingIsNotSearchedForTornRecords()
    {
        using var session = DeadHostSession();
        WriteThree(session);
        session.Rings[0].MarkClosed();
        SetLong(session, RingLayout.HeadOffset, 2 * RecordSize);

        Assert.Equal("r0\nr1\n", session.Dump(out _).Stdout);
    }

    [Fact]
    public void DamagedRecordStopsTheRingWithAWarningAndKeepsWhatCameBefore()
    {
        using var session = DeadHostSession();
        WriteThree(session);
        SetInt(session, RingLayout.HeaderSize + RecordSize + RingLayout.RecordLengthOffset, 1_000_000);

        var sink = session.Dump(out var summary);

        Assert.Equal("r0\n", sink.Stdout);
        Assert.Equal(1, summary.DamagedRings);
        Assert.Equal("WARNING: cpu0.ring: damaged at position 40: 1 records before it recovered, the rest skipped\n", sink.Stderr);
    }

    [Fact]
    public void MissingRingFileIsReportedAndTheOthersAreDumped()
    {
        using var session = new TestSession(cpus: 2, hostStart: 1);
        session.Write(1, "kept\n");
        File.Delete(session.Paths.RingPath(0));

        var sink = session.Dump(out var summary);

        Assert.Equal("kept\n", sink.Stdout);
        Assert.Equal(1, summary.DamagedRings);
        Assert.StartsWith("WARNING: cannot read cpu0.ring: ", sink.Stderr);
    }

    private static TestSession DeadHostSession() => new(cpus: 1, hostStart: 1);

    private static void WriteThree(TestSession session)
    {
        for (int i = 0; i < 3; i++)
        {
            session.Write(0, $"r{i}\n");
        }
    }

    private static void SetLong(TestSession session, long offset, long value)
    {
        using var file = new FileStream(session.Paths.RingPath(0), FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
        file.Position = offset;
        file.Write(BitConverter.GetBytes(value));
    }

    private static void SetInt(TestSession session, long offset, int value)
    {
        using var file = new FileStream(session.Paths.RingPath(0), FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
        file.Position = offset;
        file.Write(BitConverter.GetBytes(value));
    }
}
