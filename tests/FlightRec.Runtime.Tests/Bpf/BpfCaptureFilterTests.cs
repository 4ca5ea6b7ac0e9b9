using FlightRec.Runtime.Providers.Bpf;

namespace FlightRec.Runtime.Tests.Bpf;

public sealed class BpfCaptureFilterTests
{
    [Fact]
    public void FieldInTheUnreadablePrefixIsRefused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => BpfCaptureFilter.IntegerField(4, 4, isSigned: true, BpfComparison.Equal, 1));
        Assert.StartsWith("BPF reads a field at offset 8 or more, aligned to its size (4)", error.Message);
    }

    [Fact]
    public void MisalignedFieldIsRefused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => BpfCaptureFilter.IntegerField(12, 8, isSigned: false, BpfComparison.Equal, 1));
        Assert.StartsWith("BPF reads a field at offset 8 or more, aligned to its size (8)", error.Message);
    }

    [Fact]
    public void CommLongerThanTheKernelKeepsIsRefused()
    {
        var error = Assert.Throws<ArgumentException>(
            () => BpfCaptureFilter.CommName(BpfComparison.Equal, "a-very-long-command"));
        Assert.StartsWith("a command name is 1 to 15 bytes; \"a-very-long-command\" is 19", error.Message);
    }

    [Fact]
    public void CommOrderingIsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => BpfCaptureFilter.CommName(BpfComparison.Less, "cat"));
        Assert.StartsWith("a command name can only be compared with == or !=, not Less", error.Message);
    }
}
