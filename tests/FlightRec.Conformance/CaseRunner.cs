namespace FlightRec.Conformance;

/// <summary>Runs the selected rows in parallel; results come back in manifest order.</summary>
internal static class CaseRunner
{
    public static async Task<CaseResult[]> RunAllAsync(IReadOnlyList<ManifestRow> rows, string frstap, string corpus, int jobs)
    {
        var results = new CaseResult[rows.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = jobs };
        await Parallel.ForEachAsync(Enumerable.Range(0, rows.Count), parallel, async (i, _) =>
        {
            results[i] = await RunOneAsync(rows[i], frstap, corpus);
        });

        // Running jobs side by side inflates wall time, so a case over its time budget gets
        // one more try on its own before it is reported as slow.
        for (int i = 0; i < results.Length; i++)
        {
            if (results[i].Verdict.Reason?.StartsWith(CaseClassifier.SlowReason, StringComparison.Ordinal) == true)
            {
                results[i] = await RunOneAsync(rows[i], frstap, corpus);
            }
        }

        return results;
    }

    private static async Task<CaseResult> RunOneAsync(ManifestRow row, string frstap, string corpus)
    {
        CasePlan plan;
        try
        {
            plan = CasePlan.For(row, corpus);
        }
        catch (FormatException e)
        {
            return Unrunnable(row, $"bad args column: {e.Message}");
        }

        byte[]? expected = null;
        if (row.Kind == Kinds.Run)
        {
            string path = Path.Combine(corpus, row.Expected);
            if (row.Expected == "-" || !File.Exists(path))
            {
                return Unrunnable(row, $"expected-output file missing: {row.Expected}");
            }

            expected = await File.ReadAllBytesAsync(path);
        }

        ProcessOutcome outcome = await CaseProcess.RunAsync(frstap, corpus, plan);
        return new CaseResult(row, outcome, CaseClassifier.Classify(row, plan, outcome, expected));
    }

    private static CaseResult Unrunnable(ManifestRow row, string reason)
        => new(row, new ProcessOutcome(-1, false, TimeSpan.Zero, [], ""), Verdict.Fail(reason));
}
