using Xunit;

namespace FlightRec.Compiler.Tests.Cli;

/// <summary>Option values are checked as stap checks them, with its messages, before any pass runs.</summary>
public sealed class OptionCheckTests
{
    private static FrstapRun Run(params string[] options) =>
        FrstapRun.InProcess([.. options, "-p1", "-e", "probe begin {}"]);

    [Theory]
    [InlineData("-D", "a-b", "ERROR: Safety pattern mismatch for -D parameter ('a-b' vs. '^[a-z_][a-z_0-9]*(=-?[a-z_0-9]+)?$') rc=1")]
    [InlineData("-m", "a-b", "ERROR: Safety pattern mismatch for -m parameter ('a-b' vs. '^[a-z0-9_]+$') rc=1")]
    [InlineData("-m", ".ko", "Module name cannot be empty.")]
    [InlineData("-G", "1x=2", "ERROR: Safety pattern mismatch for -G parameter ('1x=2' vs. '^[a-z_][a-z0-9_]*=[a-z0-9_.-]+$') rc=1")]
    [InlineData("-S", "1,a", "ERROR: Safety pattern mismatch for -S parameter ('1,a' vs. '^[0-9]+(,[0-9]+)?$') rc=1")]
    [InlineData("-s", "0", "Invalid buffer size (should be 1-4095).")]
    [InlineData("-s", "4096", "Invalid buffer size (should be 1-4095).")]
    [InlineData("-s", "lots", "Invalid buffer size (should be 1-4095).")]
    [InlineData("-T", "-1", "Invalid timeout interval.")]
    [InlineData("-T", "soon", "Invalid timeout interval.")]
    [InlineData("-x", "0", "Invalid target process ID number.")]
    [InlineData("-c", " ", "Empty CMD string invalid.")]
    public void BadValuesAreRefusedWithStapsMessage(string option, string value, string message)
    {
        var run = Run(option, value);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Equal(message + "\n", run.Stderr);
    }

    [Theory]
    [InlineData("-D", "MAXACTION=100")]
    [InlineData("-D", "STP_NO_OVERLOAD")]
    [InlineData("-D", "MAXERRORS=-1")]
    [InlineData("-G", "limit=5")]
    [InlineData("-m", "Rec_1.ko")]
    [InlineData("-m", "rec.dll")]
    [InlineData("-s", "4095")]
    [InlineData("-T", "0.5")]
    [InlineData("-S", "10,3")]
    public void GoodValuesAreAccepted(string option, string value)
    {
        var run = Run(option, value);
        Assert.Equal("", run.Stderr);
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public void LongModuleNamesAreTruncatedWithANotice()
    {
        var run = Run("-m", new string('a', 60));
        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"Truncating module name to '{new string('a', 55)}'\n", run.Stderr);
    }
}
