using FlightRec.Runtime.Host;
using FlightRec.Runtime.Module;
using FlightRec.Runtime.Tests.Execution;

namespace FlightRec.Runtime.Tests.Host;

public sealed class HostOptionsTests
{
    private static string ParseError(params string[] args) => Assert.Throws<HostException>(() => HostOptions.Parse(args)).Message;

    [Fact]
    public void EveryOptionAndTheAssignmentsAfterTheModule()
    {
        var options = HostOptions.Parse(["--host", "rec.dll", "--name", "r", "--rename", "--overwrite", "--bulk",
            "--buffer-mb", "4095", "--target", "42", "--consumer", "43", "n=5", "s=hello"]);

        Assert.Equal("rec.dll", options.ModulePath);
        Assert.Equal("r", options.Name);
        Assert.True(options.Rename && options.Overwrite && options.Bulk);
        Assert.Equal(4095, options.BufferMegabytes);
        Assert.Equal(42, options.TargetPid);
        Assert.Equal(43, options.ConsumerPid);
        Assert.Equal([new GlobalAssignment("n", "5"), new GlobalAssignment("s", "hello")], options.Assignments);
    }

    [Fact]
    public void DefaultsLeaveTheChoicesToTheModule()
    {
        var options = HostOptions.Parse(["rec.dll"]);

        Assert.Null(options.Name);
        Assert.Null(options.BufferMegabytes);
        Assert.False(options.Rename || options.Overwrite || options.Bulk);
        Assert.Equal(0, options.TargetPid);
        Assert.Empty(options.Assignments);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("4096")]
    [InlineData("-1")]
    [InlineData("big")]
    public void BufferSizesOutsideOneTo4095AreStaprunsError(string size)
    {
        Assert.Equal($"Invalid buffer size '{size}' (should be 1-4095).", ParseError("rec.dll", "--buffer-mb", size));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("x")]
    public void ABadTargetIsStaprunsError(string pid)
    {
        Assert.Equal("Invalid target process ID number.", ParseError("rec.dll", "--target", pid));
    }

    [Fact]
    public void ABadConsumerPidIsRefused()
    {
        Assert.Equal("Invalid consumer process ID '0'.", ParseError("rec.dll", "--consumer", "0"));
    }

    [Fact]
    public void MissingModuleMissingValueAndUnknownOption()
    {
        Assert.Equal("Need a module name or path to load.", ParseError("--host"));
        Assert.Equal("host option '--name' needs a value", ParseError("rec.dll", "--name"));
        Assert.Equal("unknown host option '--frob'", ParseError("rec.dll", "--frob"));
    }

    [Theory]
    [InlineData("novalue")]
    [InlineData("1x=3")]
    [InlineData("a-b=3")]
    [InlineData("=3")]
    [InlineData("s=two words")]
    [InlineData("s=bang!")]
    public void MalformedAssignmentsAreRefusedWithTheRule(string assignment)
    {
        Assert.Equal(
            $"Invalid module option '{assignment}' (should be NAME=VALUE, with no spaces or '!' in VALUE).",
            ParseError("rec.dll", assignment));
    }

    [Theory]
    [InlineData("n=", "n", "")]
    [InlineData("_x=a=b", "_x", "a=b")]
    [InlineData("Big=-12", "Big", "-12")]
    public void AssignmentsSplitAtTheFirstEqualsSign(string text, string name, string value)
    {
        Assert.Equal(new GlobalAssignment(name, value), GlobalAssignment.Parse(text));
    }

    [Fact]
    public void AssignmentsGoThroughTheModuleAndItsRefusalsAreTheUsersLine()
    {
        var module = new TestModule(new ModuleOptions("rec"));
        long n = 0;
        module.AddGlobal(new GlobalDescriptor("n", GlobalKind.Long, v => n = long.Parse(v, System.Globalization.CultureInfo.InvariantCulture)));
        module.AddGlobal(new GlobalDescriptor("a", GlobalKind.Array));

        new GlobalAssignment("n", "17").ApplyTo(module);

        Assert.Equal(17, n);
        Assert.Equal("module rec has no global 'zz'", Assert.Throws<HostException>(() => new GlobalAssignment("zz", "1").ApplyTo(module)).Message);
        Assert.Equal("global 'a' cannot be set from the command line: only long and string scalars can",
            Assert.Throws<HostException>(() => new GlobalAssignment("a", "1").ApplyTo(module)).Message);
        Assert.IsType<HostException>(Assert.ThrowsAny<Exception>(() => new GlobalAssignment("n", "x").ApplyTo(module)));
    }
}
