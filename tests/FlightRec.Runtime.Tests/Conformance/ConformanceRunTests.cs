using System.Text;
using Xunit.Abstractions;

namespace FlightRec.Runtime.Tests.Conformance;

/// <summary>
/// Runs hand-written modules (each written as the compiler would emit its run/NAME.stp) through
/// the in-process driver and compares stdout with run/NAME.expected byte for byte.
/// </summary>
public sealed class ConformanceRunTests(ITestOutputHelper log)
{
    /// <summary>Every module, with the exact stderr the run must produce.</summary>
    private static readonly Dictionary<string, (Func<ConformanceModule> Create, string Stderr)> Cases = new()
    {
        ["printf.basic3"] = (() => new PrintfBasic3Module(), ""),
        ["base.limits"] = (() => new BaseLimitsModule(), ""),
        ["string.substr"] = (() => new StringSubstrModule(), ""),
        ["string.strlen"] = (() => new StringStrlenModule(), ""),
    };

    public static TheoryData<string> Names() => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void ModuleOutputEqualsExpected(string name)
    {
        var (create, stderr) = Cases[name];
        var module = create();
        Assert.Equal(name, module.Script);
        var result = ConformanceDriver.Run(module);
        Assert.Equal(stderr, result.Stderr);

        byte[]? expected = ConformanceCorpus.ReadExpected(name, log);
        if (expected is null)
        {
            return;
        }

        // Latin-1 shows every byte as one char, so a mismatch prints readably and still compares bytes.
        Assert.Equal(Encoding.Latin1.GetString(expected), Encoding.Latin1.GetString(result.Stdout));
        Assert.Equal(expected, result.Stdout);
    }
}
