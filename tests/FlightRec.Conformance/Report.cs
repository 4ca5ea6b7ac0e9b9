namespace FlightRec.Conformance;

/// <summary>Prints the failures, the per-kind counts in manifest order, and the total.</summary>
internal static class Report
{
    /// <summary>Returns passed counts per kind, in the order given.</summary>
    public static IReadOnlyList<KeyValuePair<string, int>> Print(
        TextWriter output, IReadOnlyList<CaseResult> results, IReadOnlyList<string> kindOrder, bool verbose)
    {
        foreach (CaseResult r in results)
        {
            if (!r.Verdict.Passed)
            {
                string? first = FirstLine(r.Outcome.Stderr);
                output.WriteLine(first is null ? $"FAIL {r.Row.Id}: {r.Verdict.Reason}" : $"FAIL {r.Row.Id}: {r.Verdict.Reason} [stderr: {first}]");
            }
            else if (verbose)
            {
                output.WriteLine($"PASS {r.Row.Id} ({r.Outcome.Elapsed.TotalMilliseconds:0} ms)");
            }
        }

        var passedByKind = new List<KeyValuePair<string, int>>();
        foreach (string kind in kindOrder)
        {
            int passed = results.Count(r => r.Row.Kind == kind && r.Verdict.Passed);
            int failed = results.Count(r => r.Row.Kind == kind && !r.Verdict.Passed);
            output.WriteLine($"{kind}: {passed} passed, {failed} failed");
            passedByKind.Add(new(kind, passed));
        }

        int totalPassed = results.Count(r => r.Verdict.Passed);
        output.WriteLine($"conformance: {totalPassed} passed, {results.Count - totalPassed} failed");
        return passedByKind;
    }

    private static string? FirstLine(string text)
    {
        foreach (string line in text.Split('\n'))
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                return line.TrimEnd('\r');
            }
        }

        return null;
    }
}
