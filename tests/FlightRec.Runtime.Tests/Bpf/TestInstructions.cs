namespace FlightRec.Runtime.Tests.Bpf;

internal static class TestInstructions
{
    /// <summary>Asserts <paramref name="run"/> occurs in <paramref name="program"/> in order; the last element may be a prefix.</summary>
    public static void AssertContainsRun(List<string> program, params string[] run)
    {
        for (int start = 0; start + run.Length <= program.Count; start++)
        {
            if (program.Skip(start).Take(run.Length - 1).SequenceEqual(run[..^1])
                && program[start + run.Length - 1].StartsWith(run[^1], StringComparison.Ordinal))
            {
                return;
            }
        }

        Assert.Fail($"instructions not found in order:\n{string.Join("\n", run)}\nprogram:\n{string.Join("\n", program)}");
    }
}
