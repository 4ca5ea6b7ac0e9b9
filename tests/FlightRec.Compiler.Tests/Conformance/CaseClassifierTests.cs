using FlightRec.Conformance;
using Xunit;

namespace FlightRec.Compiler.Tests.Conformance;

public class CaseClassifierTests
{
    private static string? Judge(string kind, int exit, string stderr = "", string notes = "", int ms = 100, bool timedOut = false)
    {
        var row = new ManifestRow($"{kind}/t", $"{kind}/t.stp", kind, "-", "-", "", notes);
        var outcome = new ProcessOutcome(exit, timedOut, TimeSpan.FromMilliseconds(ms), [], stderr);
        Verdict verdict = CaseClassifier.Classify(row, CasePlan.For(row, "/corpus"), outcome, null);
        return verdict.Passed ? null : verdict.Reason;
    }

    [Theory]
    [InlineData("parse-ok")]
    [InlineData("parse-tapset")]
    [InlineData("sem-ok")]
    public void AcceptingKindsPassOnExitZero(string kind)
    {
        Assert.Null(Judge(kind, 0));
        Assert.Equal("expected exit 0, got 1", Judge(kind, 1, "parse error: x"));
    }

    [Theory]
    [InlineData("parse error: expected 'probe'\n        saw: string 'x' at t.stp:2:1\n")]
    [InlineData("parse error: expected statement\n        saw: t.stp EOF\n")]
    [InlineData("semantic error: unresolved\n    at: operator '@x' at t.stp:10:1\n")]
    public void RejectingKindsNeedANonZeroExitAndAPosition(string stderr)
    {
        Assert.Null(Judge("parse-ko", 1, stderr));
        Assert.Null(Judge("sem-ko", 1, stderr));
        Assert.Equal("expected non-zero exit", Judge("parse-ko", 0, stderr));
    }

    [Fact]
    public void RejectionWithoutAPositionFailsUnlessTheNotesExcuseIt()
    {
        Assert.NotNull(Judge("parse-ko", 1, "parse error: array size out of range\n"));
        const string Excused = "stap 4.8: parse error: x; stap reports no line:col here (EOF or empty-input diagnostic)";
        Assert.Null(Judge("parse-ko", 1, "parse error: array size out of range\n", Excused));
        Assert.NotNull(Judge("parse-ko", 1, "", Excused));
    }

    [Theory]
    [InlineData(1, "Unhandled exception. System.NullReferenceException: boom\n")]
    [InlineData(1, "error\n   at FlightRec.Compiler.Parsing.AstBuilder.Visit(IParseTree tree) in /src/AstBuilder.cs:line 3\n")]
    [InlineData(1, "error at t.stp:1:1\n   at System.Linq.Enumerable.Select[TSource,TResult](IEnumerable`1 source)\n")]
    [InlineData(1, "frstap: internal error: InvalidOperationException: x at t.stp:1:1\n")]
    [InlineData(134, "parse error at t.stp:1:1\n")]
    [InlineData(139, "")]
    public void CrashesFailEveryKind(int exit, string stderr)
    {
        Assert.StartsWith("crash", Judge("parse-ko", exit, stderr));
        Assert.StartsWith("crash", Judge("parse-ok", exit, stderr));
    }

    [Fact]
    public void TimeoutsAndSlowParsesFail()
    {
        Assert.StartsWith("hang", Judge("parse-ok", 137, timedOut: true));
        Assert.Equal("slow (2500 ms)", Judge("parse-ok", 0, ms: 2500));
        Assert.Null(Judge("sem-ok", 0, ms: 2500));
    }

    [Fact]
    public void RunCasesCompareStdoutByteForByte()
    {
        var row = new ManifestRow("run/t", "run/t.stp", "run", "-", "run/t.expected", "", "");
        CasePlan plan = CasePlan.For(row, "/corpus");
        Verdict Compare(byte[] actual, byte[] expected)
            => CaseClassifier.Classify(row, plan, new ProcessOutcome(0, false, TimeSpan.Zero, actual, ""), expected);

        Assert.True(Compare([65, 10], [65, 10]).Passed);
        Assert.False(Compare([65], [65, 10]).Passed);
        Assert.False(Compare([65, 13, 10], [65, 10]).Passed);
        Assert.Equal("stdout differs from expected at byte 1 (2 bytes, expected 2)", Compare([65, 66], [65, 67]).Reason);
    }
}
