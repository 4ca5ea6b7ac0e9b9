using System.Buffers.Binary;
using System.Text;
using FlightRec.Runtime.Linux;
using FlightRec.Runtime.Providers.Bpf;

namespace FlightRec.Runtime.Tests.Bpf;

/// <summary>Decoding a capture record built by hand in the documented layout.</summary>
public sealed class TracepointCaptureRecordTests
{
    private static byte[] Build(int stringStatus0, string string0, int stringStatus1)
    {
        var layout = new TracepointCaptureLayout(recordSize: 12, stringCount: 2, stringCapacity: 16);
        var bytes = new byte[layout.TotalSize];
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(0), 9);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), 1);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), 4321);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(12), 4322);
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(16), 123_456_789_012);
        Encoding.UTF8.GetBytes("bash", bytes.AsSpan(24));
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(40), 12);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(42), 12);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(44), 2);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(46), 16);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(48), 1000);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(52), 1001);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(56 + 8), 0x0a0b0c0d);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(layout.StringSlotOffset(0)), stringStatus0);
        Encoding.UTF8.GetBytes(string0, bytes.AsSpan(layout.StringSlotOffset(0) + 8));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(layout.StringSlotOffset(1)), stringStatus1);
        return bytes;
    }

    [Fact]
    public void LayoutPlacesStringSlotsAfterThePaddedRecord()
    {
        var layout = new TracepointCaptureLayout(recordSize: 12, stringCount: 2, stringCapacity: 16);
        Assert.Equal((72, 96, 120), (layout.StringSlotOffset(0), layout.StringSlotOffset(1), layout.TotalSize));
    }

    [Fact]
    public void HeaderFieldsReadBack()
    {
        var record = new TracepointCaptureRecord(Build(4, "abc", 1));
        Assert.Equal((9, 1, 4321, 4322, 123_456_789_012L), (record.ProbeIndex, record.Cpu, record.ProcessId, record.ThreadId, record.Timestamp));
        Assert.Equal("bash", Encoding.UTF8.GetString(record.Comm));
        Assert.Equal((1000, 1001), (record.UserId, record.GroupId));
        Assert.Equal(12, record.TracepointRecord.Length);
        Assert.Equal(0x0a0b0c0d, BinaryPrimitives.ReadInt32LittleEndian(record.TracepointRecord[8..]));
    }

    [Fact]
    public void TheRecordIsAsLongAsWhatWasCopiedNotItsCapacity()
    {
        var bytes = Build(4, "abc", 1);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(42), 10);
        var record = new TracepointCaptureRecord(bytes);
        Assert.Equal((12, 10, 10), (record.RecordSize, record.RecordLength, record.TracepointRecord.Length));
        Assert.True(record.TryGetString(0, out var text));
        Assert.Equal("abc", Encoding.UTF8.GetString(text));
    }

    [Fact]
    public void ALengthPastTheCapacityIsRefused()
    {
        var bytes = Build(4, "abc", 1);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(42), 13);
        var error = Assert.Throws<ArgumentException>(() => new TracepointCaptureRecord(bytes));
        Assert.StartsWith("the capture record's header says 13 bytes were copied into 12", error.Message);
    }

    [Fact]
    public void StringsReadWithoutTheirNul()
    {
        var record = new TracepointCaptureRecord(Build(4, "abc", 1));
        Assert.True(record.TryGetString(0, out var text));
        Assert.Equal("abc", Encoding.UTF8.GetString(text));
        Assert.True(record.TryGetString(1, out var empty));
        Assert.True(empty.IsEmpty);
    }

    [Fact]
    public void FaultIsNotAnEmptyString()
    {
        var record = new TracepointCaptureRecord(Build(4, "abc", -14));
        Assert.Equal(-14, record.StringStatus(1));
        Assert.False(record.TryGetString(1, out _));
    }

    [Fact]
    public void TruncatedRecordIsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => new TracepointCaptureRecord(Build(4, "abc", 1).AsSpan(0, 100)));
        Assert.StartsWith("the capture record's header describes 120 bytes but it has 100", error.Message);
    }

    [Theory]
    [InlineData("0", 1)]
    [InlineData("0-1\n", 2)]
    [InlineData("0-3,8-11", 12)]
    [InlineData("0,2,5", 6)]
    public void PossibleCpuListGivesTheSlotCount(string list, int count) =>
        Assert.Equal(count, BpfPossibleCpus.Parse(list));
}
