using System.Text;
using FlightRec.Runtime.Context;
using FlightRec.Runtime.Execution;
using FlightRec.Runtime.Formatting;
using FlightRec.Runtime.Tapset;

namespace FlightRec.Runtime.Tests.Tapset;

public sealed class TapsetUserMemoryTests
{
    private const long Base = 0x7f0000001000;

    /// <summary>One readable region of a pretend process; everything else faults.</summary>
    private sealed class Region(byte[] bytes) : IMemoryReader
    {
        public int Read(long address, Span<byte> destination)
        {
            long offset = address - Base;
            if (offset < 0 || offset >= bytes.Length)
            {
                return 0;
            }

            int n = (int)Math.Min(destination.Length, bytes.Length - offset);
            bytes.AsSpan((int)offset, n).CopyTo(destination);
            return n;
        }
    }

    private sealed class Warnings : ISessionControl
    {
        public List<string> Lines { get; } = [];

        public void RequestExit()
        {
        }

        public void Abort()
        {
        }

        public void Warn(string message) => Lines.Add(message);
    }

    private static ProbeContext With(byte[] memory) => new() { UserMemory = new Region(memory) };

    [Fact]
    public void ReadsATerminatedString()
    {
        var c = With(Encoding.Latin1.GetBytes("hello\0world\0"));
        Assert.Equal("hello", TapsetUserMemory.UserString(c, Base));
        Assert.Equal("world", TapsetUserMemory.UserString(c, Base + 6));
        Assert.Equal("hel", TapsetUserMemory.UserStringN(c, Base, 3));
        Assert.Equal("", TapsetUserMemory.UserStringN(c, Base, 0));
    }

    [Fact]
    public void LongStringsStopAtMaxStringLengthMinusTwo()
    {
        var c = With(Encoding.Latin1.GetBytes(new string('x', 2000)));
        Assert.Equal(510, TapsetUserMemory.UserString(c, Base).Length);
        Assert.Equal(510, TapsetUserMemory.UserStringN(c, Base, 5000).Length);
    }

    [Fact]
    public void AFaultIsTheDocumentedErrorOrTheCallersSubstitute()
    {
        var c = With([]);
        var e = Assert.Throws<ScriptError>(() => TapsetUserMemory.UserString(c, 0x1234));
        Assert.Equal("user string copy fault -14 at 0x1234 [man error::fault]", e.Message);
        Assert.Equal("<bad>", TapsetUserMemory.UserString(c, 0x1234, "<bad>"));
        Assert.Equal("", TapsetUserMemory.UserStringNofault(c, 0x1234));
        Assert.Equal("0x1234", TapsetUserMemory.UserStringQuoted(c, 0x1234));
    }

    [Fact]
    public void AStringRunningOffTheReadableMemoryFaults()
    {
        var c = With(Encoding.Latin1.GetBytes("no terminator"));
        Assert.Throws<ScriptError>(() => TapsetUserMemory.UserString(c, Base));
    }

    [Fact]
    public void WithoutAProcessEveryReadFaults()
    {
        var warnings = new Warnings();
        var c = new ProbeContext { Session = warnings };
        Assert.Equal("dflt", TapsetUserMemory.UserStringWarn(c, 0x10, "dflt"));
        Assert.Equal(["user string copy fault -14 at 0x10 [man error::fault]"], warnings.Lines);
        Assert.Equal(0, TapsetUserMemory.UserLong(c, 0x10));
        var e = Assert.Throws<ScriptError>(() => TapsetUserMemory.ReadIntegerOrError(c, 0x10, 8, signed: true));
        Assert.Equal("read fault [man error::fault] at 0x10", e.Message);
    }

    [Fact]
    public void IntegersAreSignOrZeroExtended()
    {
        var c = With([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
        Assert.Equal(-1, TapsetUserMemory.UserChar(c, Base));
        Assert.Equal(255, TapsetUserMemory.UserUInt8(c, Base));
        Assert.Equal(65535, TapsetUserMemory.UserUShort(c, Base));
        Assert.Equal(-1, TapsetUserMemory.UserInt(c, Base));
        Assert.Equal(4294967295, TapsetUserMemory.UserUInt32(c, Base));
        Assert.Equal(-1, TapsetUserMemory.UserLong(c, Base));
        Assert.Equal(0, TapsetUserMemory.UserLong(c, Base + 4));
    }

    [Fact]
    public void QuotedStringsAreEscaped()
    {
        var c = With(Encoding.Latin1.GetBytes("a\tb\"c\0"));
        Assert.Equal("\"a\\tb\\\"c\"", TapsetUserMemory.UserStringQuoted(c, Base));
    }
}
