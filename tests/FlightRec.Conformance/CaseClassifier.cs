using System.Text.RegularExpressions;

namespace FlightRec.Conformance;

/// <summary>The corpus README's pass criteria, applied to one finished frstap process.</summary>
internal static partial class CaseClassifier
{
    /// <summary>The ko notes of rows where stap itself gives no line:col, so none is required.</summary>
    public const string NoPositionNote = "stap reports no line:col";

    /// <summary>How the reason of a case over its time budget starts.</summary>
    public const string SlowReason = "slow (";

    public static Verdict Classify(ManifestRow row, CasePlan plan, ProcessOutcome outcome, byte[]? expectedStdout)
    {
        if (outcome.StartError is not null)
        {
            return Verdict.Fail($"could not start frstap: {outcome.StartError}");
        }

        if (outcome.TimedOut)
        {
            return Verdict.Fail($"hang (killed after {plan.KillAfter.TotalSeconds:0} s)");
        }

        if (CrashReason(outcome) is string crash)
        {
            return Verdict.Fail(crash);
        }

        if (plan.SlowAfter is TimeSpan budget && outcome.Elapsed > budget)
        {
            return Verdict.Fail($"{SlowReason}{outcome.Elapsed.TotalMilliseconds:0} ms)");
        }

        if (row.Kind == Kinds.Run)
        {
            return CompareStdout(outcome.Stdout, expectedStdout ?? []);
        }

        if (!Kinds.ExpectsRejection(row.Kind))
        {
            return outcome.ExitCode == 0 ? Verdict.Pass : Verdict.Fail($"expected exit 0, got {outcome.ExitCode}");
        }

        if (outcome.ExitCode == 0)
        {
            return Verdict.Fail("expected non-zero exit");
        }

        if (row.Notes.Contains(NoPositionNote, StringComparison.Ordinal))
        {
            return string.IsNullOrWhiteSpace(outcome.Stderr) ? Verdict.Fail("expected a diagnostic on stderr") : Verdict.Pass;
        }

        return HasPosition(outcome.Stderr)
            ? Verdict.Pass
            : Verdict.Fail("expected a positioned error (:LINE:COL or EOF) on stderr");
    }

    public static bool HasPosition(string stderr) => LineColumn().IsMatch(stderr) || stderr.Contains(" EOF", StringComparison.Ordinal);

    /// <summary>
    /// A crash is a signal death, the runtime's unhandled-exception report, a .NET stack
    /// frame, or frstap's own "internal error" line (an exception it caught at the top).
    /// </summary>
    public static string? CrashReason(ProcessOutcome outcome)
    {
        if (outcome.ExitCode >= 128)
        {
            return $"crash (exit code {outcome.ExitCode})";
        }

        if (outcome.Stderr.Contains("Unhandled exception", StringComparison.Ordinal))
        {
            return "crash (unhandled exception)";
        }

        if (StackFrame().IsMatch(outcome.Stderr))
        {
            return "crash (stack trace on stderr)";
        }

        if (outcome.Stderr.Contains("frstap: internal error", StringComparison.Ordinal))
        {
            return "crash (internal error)";
        }

        return null;
    }

    private static Verdict CompareStdout(byte[] actual, byte[] expected)
    {
        int common = Math.Min(actual.Length, expected.Length);
        int at = actual.AsSpan(0, common).CommonPrefixLength(expected.AsSpan(0, common));
        if (at == common && actual.Length == expected.Length)
        {
            return Verdict.Pass;
        }

        return Verdict.Fail($"stdout differs from expected at byte {at} ({actual.Length} bytes, expected {expected.Length})");
    }

    [GeneratedRegex(@":\d+:\d+")]
    private static partial Regex LineColumn();

    // A .NET frame is "   at Namespace.Type.Method(...)": a dotted name glued to its "(".
    // stap-style lines such as "        saw: keyword at t.stp:1:5" or "    at: operator"
    // must not match, hence no spaces or colons inside the name.
    [GeneratedRegex(@"^\s+at [^\s(:]+\.[^\s(:]+\(.*\)", RegexOptions.Multiline)]
    private static partial Regex StackFrame();
}
