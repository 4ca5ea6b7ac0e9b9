using FlightRec.Scenario.Tests.Harness;
using Xunit.Abstractions;

namespace FlightRec.Scenario.Tests.Scenarios;

/// <summary>
/// Acceptance 7: whatever is wrong with the module, its name, its globals or an option value,
/// frrun says so in exactly one line on stderr, exits 1, and leaves no session behind.
/// </summary>
public sealed class BadInputTests(ITestOutputHelper output)
{
    private const string Abi2Refusal =
        "ERROR: module abi2 was built for FlightRec module ABI 2, but this runtime implements ABI 1; rebuild it with this frstap\n";

    public static TheoryData<string> Modules() => new("missing", "truncated", "text", "notamodule", "abi2");

    [Theory]
    [MemberData(nameof(Modules))]
    public void ABadModuleIsRefusedInOneLine(string which)
    {
        using var scenario = ScenarioContext.Begin(output);
        if (scenario is null)
        {
            return;
        }

        var set = scenario.Modules;
        var (path, expected) = which switch
        {
            "missing" => (set.Missing, $"ERROR: Couldn't open module '{set.Missing}': No such file or directory\n"),
            "truncated" => (set.Truncated, $"ERROR: '{set.Truncated}' is not a .NET assembly\n"),
            "text" => (set.Text, $"ERROR: '{set.Text}' is not a .NET assembly\n"),
            "notamodule" => (scenario.Module(TestModuleSource.NotAModule), $"ERROR: '{scenario.Module(TestModuleSource.NotAModule)}' is not a FlightRec probe module (no ProbeModule class)\n"),
            _ => (scenario.Module(TestModuleSource.Abi2), Abi2Refusal),
        };

        foreach (string[] command in new[] { new[] { path }, new[] { "-L", path } })
        {
            AssertRefused(scenario, command, expected);
        }
    }

    [Theory]
    [InlineData("-A")]
    [InlineData("-D")]
    [InlineData("-d")]
    public void AnUnknownModuleNameIsRefusedInOneLine(string mode)
    {
        using var scenario = ScenarioContext.Begin(output);
        if (scenario is null)
        {
            return;
        }

        AssertRefused(scenario, [mode, "nosuch"], ScenarioMessages.NotLoaded("nosuch"));
    }

    [Theory]
    [InlineData("limit")]
    [InlineData("limit=1 2")]
    [InlineData("=5")]
    public void AModuleOptionThatIsNotNameEqualsValueIsRefused(string option)
    {
        using var scenario = ScenarioContext.Begin(output);
        if (scenario is null)
        {
            return;
        }

        AssertRefused(
            scenario,
            [scenario.Module(TestModuleSource.Seq), option],
            $"ERROR: Invalid module option '{option}' (should be NAME=VALUE, with no spaces or '!' in VALUE).\n");
    }

    [Theory]
    [InlineData("limit=many", "limit")]
    [InlineData("nosuch=1", "nosuch")]
    [InlineData("counter=5", "counter")]
    public void AGlobalTheModuleCannotTakeIsRefused(string option, string global)
    {
        using var scenario = ScenarioContext.Begin(output);
        if (scenario is null)
        {
            return;
        }

        var refused = AssertRefusedInOneLine(scenario, [scenario.Module(TestModuleSource.Seq), option]);
        Assert.StartsWith("ERROR: ", refused.Stderr);
        Assert.Contains(global, refused.Stderr);
    }

    [Theory]
    [InlineData("-b", "0", "ERROR: Invalid buffer size '0' (should be 1-4095).")]
    [InlineData("-b", "4096", "ERROR: Invalid buffer size '4096' (should be 1-4095).")]
    [InlineData("-b", "8x", "ERROR: Invalid buffer size '8x' (should be 1-4095).")]
    [InlineData("-S", "0", "ERROR: Invalid file size option '0'.")]
    [InlineData("-S", "1,x", "ERROR: Invalid file size option '1,x'.")]
    [InlineData("-S", "-1", "ERROR: Invalid file size option '-1'.")]
    public void ABadOptionValueIsRefusedInOneLine(string option, string value, string expected)
    {
        using var scenario = ScenarioContext.Begin(output);
        if (scenario is null)
        {
            return;
        }

        var refused = scenario.Run("-o", "out", option, value, scenario.Module(TestModuleSource.Seq));
        Assert.Equal(1, refused.ExitCode);
        Assert.Equal(expected + "\n", refused.Stderr);
        AssertNothingLeft(scenario);
        Assert.Empty(Directory.GetFiles(scenario.WorkDirectory));
    }

    private static void AssertRefused(ScenarioContext scenario, string[] command, string expected)
    {
        var refused = AssertRefusedInOneLine(scenario, command);
        Assert.Equal(expected, refused.Stderr);
    }

    private static FrrunResult AssertRefusedInOneLine(ScenarioContext scenario, string[] command)
    {
        var refused = scenario.Run(command);
        Assert.Equal(1, refused.ExitCode);
        Assert.Equal("", refused.Stdout);
        Assert.True(refused.Stderr.EndsWith('\n') && refused.Stderr.Count(c => c == '\n') == 1, $"not one line on stderr:\n{refused.Stderr}");
        AssertNothingLeft(scenario);
        return refused;
    }

    private static void AssertNothingLeft(ScenarioContext scenario) =>
        Assert.True(scenario.SessionNames().Count == 0, $"left behind in the runtime directory: {string.Join(", ", scenario.SessionNames())}");
}
