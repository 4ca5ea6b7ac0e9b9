using System.Globalization;

namespace FlightRec.Scenario.Tests.Harness;

/// <summary>Checks of numbered output that name the first line that breaks the sequence.</summary>
internal static class SequenceAssert
{
    /// <summary>The text is exactly "1\n2\n…N\n" (N ≥ 1): no duplicate, no gap, nothing else. Returns N.</summary>
    public static int OneToN(string text, string what)
    {
        Assert.True(text.Length > 0, $"{what}: no output at all");
        Assert.True(text[^1] == '\n', $"{what}: the output does not end with a newline: …{Tail(text)}");
        string[] lines = text[..^1].Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string expected = (i + 1).ToString(CultureInfo.InvariantCulture);
            if (lines[i] != expected)
            {
                string context = string.Join("|", lines.Skip(Math.Max(0, i - 3)).Take(7));
                Assert.Fail($"{what}: line {i + 1} is '{lines[i]}', expected '{expected}' (lines around it: {context}); {lines.Length} lines in all");
            }
        }

        return lines.Length;
    }

    /// <summary>The numbers are first, first+1, …, last, in this order.</summary>
    public static void Contiguous(IReadOnlyList<long> numbers, long first, string what)
    {
        for (int i = 0; i < numbers.Count; i++)
        {
            if (numbers[i] != first + i)
            {
                string context = string.Join(", ", numbers.Skip(Math.Max(0, i - 3)).Take(7));
                Assert.Fail($"{what}: item {i} is {numbers[i]}, expected {first + i} (around it: {context}); {numbers.Count} items in all");
            }
        }
    }

    private static string Tail(string text) => text.Length <= 40 ? text : text[^40..];
}
