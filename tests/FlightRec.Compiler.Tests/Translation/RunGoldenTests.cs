using FlightRec.Compiler.Tests.Golden;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace FlightRec.Compiler.Tests.Translation;

/// <summary>
/// End to end: each script of tests/golden/run is run by the published frstap, as a real
/// process, through all five passes (pass 5 runs the module with frrun), and what the user sees
/// — stdout byte for byte, stderr, exit code — must equal the goldens, which were derived from
/// SystemTap's sources and documentation, not from our output. Cases listed in pending.txt wait
/// for a feature and must still fail, so that a fixed case is noticed and moved out of the list.
/// FLIGHTREC_UPDATE_GOLDEN=1 rewrites the goldens of the other cases (review the diff).
/// </summary>
public class RunGoldenTests(ITestOutputHelper log)
{
    private static readonly string Directory = RunGoldenCase.DefaultDirectory;

    public static TheoryData<string> Cases => [.. GoldenCase.Names(Directory)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void RunPrintsWhatSystemTapPrints(string name)
    {
        string? program = PublishedFrstap.Find(out string reason);
        if (program is null)
        {
            Assert.False(PublishedFrstap.Required, reason);
            log.WriteLine($"skipped: {reason}");
            return;
        }

        var golden = new RunGoldenCase(Directory, name);
        var (exitCode, stdoutBytes, stderrBytes) = PublishedFrstap.Run(program, golden.Arguments(), Directory);
        string stdout = RunGoldenCase.Bytes.GetString(stdoutBytes);
        string stderr = RunGoldenCase.Bytes.GetString(stderrBytes);
        string? difference = Difference(golden, exitCode, stdout, stderr);
        if (RunGoldenCase.Pending(Directory).TryGetValue(name, out string? why))
        {
            Assert.True(difference is not null, $"{name} now passes: remove it from {RunGoldenCase.PendingFile} (it waited for: {why})");
            log.WriteLine($"pending ({why}):\n{difference}");
            return;
        }

        if (difference is null)
        {
            return;
        }

        if (GoldenFile.Updating)
        {
            golden.Rewrite(exitCode, stdout, stderr);
            return;
        }

        throw new XunitException($"frstap {string.Join(' ', golden.Arguments())}: {difference}");
    }

    [Fact]
    public void TheSetIsLargeEnough() => Assert.True(Cases.Count >= 70, $"only {Cases.Count} run golden scripts");

    [Fact]
    public void EveryPendingCaseExists()
    {
        var names = GoldenCase.Names(Directory).ToHashSet();
        var unknown = RunGoldenCase.Pending(Directory).Keys.Where(name => !names.Contains(name)).ToList();
        Assert.True(unknown.Count == 0, $"{RunGoldenCase.PendingFile} names missing scripts: {string.Join(", ", unknown)}");
    }

    /// <summary>Null when the run matches; else which stream differs and where, exit code first.</summary>
    private static string? Difference(RunGoldenCase golden, int exitCode, string stdout, string stderr)
    {
        if (exitCode != golden.ExpectedExitCode)
        {
            return $"exit code {exitCode}, expected {golden.ExpectedExitCode}\n--- stderr\n{stderr}--- stdout\n{stdout}";
        }

        if (stdout != golden.ExpectedStdout)
        {
            return $"stdout differs from {golden.StdoutPath}\n{GoldenFile.Describe(golden.ExpectedStdout, stdout)}\n--- stderr\n{stderr}";
        }

        return stderr != golden.ExpectedStderr
            ? $"stderr differs from {golden.StderrPath}\n{GoldenFile.Describe(golden.ExpectedStderr, stderr)}"
            : null;
    }
}
