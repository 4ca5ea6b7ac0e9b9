using System.Globalization;
using FlightRec.Compiler.Semantics;
using FlightRec.Compiler.Syntax;

namespace FlightRec.Compiler.Translation;

/// <summary>
/// Finds the filter a kernel-event handler applies to every event — a body that is just
/// <c>if (pid() == 42) …</c> (or <c>!=</c>, <c>tid()</c>, <c>execname() == "name"</c>, <c>$field == 3</c>,
/// either side) without an else — and writes it as the descriptor's <c>EventFilter</c>, so the runtime can drop
/// rejected events in the kernel (bpftrace's predicates; LANGUAGE.md §8.3).
/// </summary>
internal static class KernelFilter
{
    /// <summary>The C# initializer of the filter, or null when the handler does anything else first.</summary>
    public static string? For(ProbeSymbol probe)
    {
        if (probe.Conditions.Count > 0 || probe.Bodies is not [{ Statements: [IfStatement { Else: null } test] }]
            || test.Condition is not BinaryExpression { Operator: "==" or "!=" } comparison)
        {
            return null;
        }

        var (call, constant) = comparison.Left is FunctionCall or TargetVariable ? (comparison.Left, comparison.Right) : (comparison.Right, comparison.Left);
        bool equal = comparison.Operator == "==";
        string flag = equal ? "true" : "false";
        return (call, constant) switch
        {
            (FunctionCall { Name: "pid", Arguments.Length: 0 }, NumberLiteral n) when n.Value is >= int.MinValue and <= int.MaxValue =>
                $"new ProbeEventFilter(ProbeFilterSubject.ProcessId, {flag}, {n.Value.ToString(CultureInfo.InvariantCulture)})",
            (FunctionCall { Name: "tid", Arguments.Length: 0 }, NumberLiteral n) when n.Value is >= int.MinValue and <= int.MaxValue =>
                $"new ProbeEventFilter(ProbeFilterSubject.ThreadId, {flag}, {n.Value.ToString(CultureInfo.InvariantCulture)})",
            (FunctionCall { Name: "execname", Arguments.Length: 0 }, StringLiteral s) when IsPlainComm(s.Text) =>
                $"new ProbeEventFilter(ProbeFilterSubject.ExecName, {flag}, 0, {CSharpText.String(s.Text)})",
            // The runtime filters only an integer field of the record; for any other it leaves the test to the handler.
            (TargetVariable { Name: ['$', not '$', ..] name }, NumberLiteral n) =>
                $"new ProbeEventFilter(ProbeFilterSubject.Field, {flag}, {n.Value.ToString(CultureInfo.InvariantCulture)}, {CSharpText.String(name[1..])})",
            _ => null,
        };
    }

    // A comm is at most 15 bytes; escapes would need unescaping first, so only plain text qualifies.
    private static bool IsPlainComm(string text) => text.Length is > 0 and <= 15 && !text.Contains('\\');
}
