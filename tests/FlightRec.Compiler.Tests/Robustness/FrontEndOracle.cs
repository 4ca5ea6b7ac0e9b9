using FlightRec.Compiler.Diagnostics;
using FlightRec.Compiler.Parsing;
using FlightRec.Compiler.Syntax;

namespace FlightRec.Compiler.Tests.Robustness;

/// <summary>
/// What pass 1 must do with any input: return a tree and no errors, or at least one error
/// that a user can locate; never throw and never loop. An accepted input's printed form must
/// parse again and print the same.
/// </summary>
internal static class FrontEndOracle
{
    /// <summary>
    /// Parse plus re-parse of the slowest corpus file (bpf/syscall_num_x86_64.stp, about 1 s
    /// alone) with both cores busy stays well below this, so in practice only a loop trips it.
    /// </summary>
    public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(5);

    // frstap parses on the main thread, which has 8 MB of stack on Linux; do the same.
    private const int StackSize = 8 * 1024 * 1024;

    /// <summary>Whether the input was accepted, and null when the front end behaved, else what went wrong.</summary>
    public static (bool Accepted, string? Failure) Check(string name, string text, ParseOptions options) =>
        Check(name, text, options, TimeLimit);

    public static (bool Accepted, string? Failure) Check(string name, string text, ParseOptions options, TimeSpan limit)
    {
        (bool, string?) outcome = (false, null);
        var thread = new Thread(() => outcome = CheckNow(name, text, options), StackSize) { IsBackground = true };
        thread.Start();

        // A looping parse cannot be stopped; the background thread is abandoned so the test can fail.
        return thread.Join(limit) ? outcome : (false, $"hang: no result within {limit.TotalSeconds:0.#} s");
    }

    private static (bool, string?) CheckNow(string name, string text, ParseOptions options)
    {
        try
        {
            var result = ScriptParser.Parse(new SourceFile(name, text), options);
            return result.Script is { } script ? (true, CheckAccepted(result, script, options)) : (false, CheckRejected(result));
        }
        catch (Exception e)
        {
            return (false, $"exception: {e}");
        }
    }

    private static string? CheckRejected(ParseResult result)
    {
        var errors = result.Diagnostics.Where(d => d.IsError).ToList();
        if (errors.Count == 0)
        {
            return "no tree and no error diagnostic";
        }

        return errors.FirstOrDefault(e => !IsPositioned(e)) is { } bad ? $"error without a position: {Describe(bad)}" : null;
    }

    private static string? CheckAccepted(ParseResult result, ScriptFile script, ParseOptions options)
    {
        if (result.Diagnostics.FirstOrDefault(d => d.IsError) is { } error)
        {
            return $"tree returned together with an error: {Describe(error)}";
        }

        string printed = PrettyPrinter.Print(script);
        var again = ScriptParser.Parse(new SourceFile("<printed>", printed), options);
        if (again.Script is null)
        {
            string first = again.Diagnostics.FirstOrDefault(d => d.IsError) is { } d ? Describe(d) : "no diagnostic";
            return $"printed text does not parse: {first}\n--- printed ---\n{printed}";
        }

        string reprinted = PrettyPrinter.Print(again.Script);
        if (reprinted != printed)
        {
            int at = 0;
            while (at < printed.Length && at < reprinted.Length && printed[at] == reprinted[at])
            {
                at++;
            }

            return $"print is not a fixpoint (first difference at offset {at})\n--- printed ---\n{printed}\n--- reprinted ---\n{reprinted}";
        }

        return null;
    }

    private static bool IsPositioned(Diagnostic d) =>
        d.Span is { } span
            ? span.Line >= 1 && span.Column >= 1 && span.File.Name.Length > 0
            : d.Token?.EndsWith(" EOF", StringComparison.Ordinal) == true
              || (d.Kind.Length == 0 && d.Message.StartsWith("Input file '", StringComparison.Ordinal)
                  && (d.Message.EndsWith("' is empty.", StringComparison.Ordinal)
                      || d.Message.EndsWith("' is empty after preprocessing.", StringComparison.Ordinal)));

    private static string Describe(Diagnostic d) =>
        $"{d.Kind}: {d.Message} [span={d.Span?.ToString() ?? "none"}, token={d.Token ?? "none"}]";
}
