using FlightRec.Conformance;
using Xunit;

namespace FlightRec.Compiler.Tests.Conformance;

public class ShellWordsTests
{
    [Theory]
    [InlineData("", new string[0])]
    [InlineData("   ", new string[0])]
    [InlineData("-g", new[] { "-g" })]
    [InlineData("--runtime=bpf  -g", new[] { "--runtime=bpf", "-g" })]
    [InlineData("\t-u\n-w ", new[] { "-u", "-w" })]
    [InlineData("-- 9 'val[8,9]' '*'", new[] { "--", "9", "val[8,9]", "*" })]
    [InlineData("-- '\"hi\"' '\"hello\"'", new[] { "--", "\"hi\"", "\"hello\"" })]
    [InlineData("'(val[9, \"hello\"] == val[300, \"there\"]? 9 : 900)'", new[] { "(val[9, \"hello\"] == val[300, \"there\"]? 9 : 900)" })]
    [InlineData("'it''s'", new[] { "its" })]
    [InlineData("'a b'c\" d\"", new[] { "a bc d" })]
    [InlineData("'' \"\"", new[] { "", "" })]
    [InlineData("a\\ b \\'c", new[] { "a b", "'c" })]
    [InlineData("'a\\nb'", new[] { "a\\nb" })]
    [InlineData("\"a\\\"b\\\\c\\$d\\`e\"", new[] { "a\"b\\c$d`e" })]
    [InlineData("\"a\\nb\"", new[] { "a\\nb" })]
    [InlineData("a\\\nb", new[] { "ab" })]
    [InlineData("-D X=1 # comment\n-g", new[] { "-D", "X=1", "-g" })]
    [InlineData("a#b", new[] { "a#b" })]
    [InlineData("$HOME *", new[] { "$HOME", "*" })]
    public void SplitsLikeAPosixShell(string text, string[] expected) => Assert.Equal(expected, ShellWords.Split(text));

    [Theory]
    [InlineData("'open")]
    [InlineData("\"open")]
    [InlineData("\"open\\\"")]
    [InlineData("trailing\\")]
    public void RejectsUnbalancedQuoting(string text) => Assert.Throws<FormatException>(() => ShellWords.Split(text));

    [Fact]
    public void PlanPutsPassFirstOptionsBeforeTheFileAndScriptArgumentsAfter()
    {
        var row = new ManifestRow("sem-ok/x", "sem-ok/x.stp", "sem-ok", "-G argc=3 -w -- hello 'big world'", "-", "", "");
        CasePlan plan = CasePlan.For(row, "/corpus");
        Assert.Equal(["-p", "2", "-G", "argc=3", "-w", "sem-ok/x.stp", "hello", "big world"], plan.Arguments);
        Assert.Null(plan.TapsetDirectory);
        Assert.Null(plan.SlowAfter);
    }

    [Fact]
    public void PlanForTapsetRowsPointsTheMacroLibraryAtTheCorpus()
    {
        var row = new ManifestRow("parse-tapset/bpf/x", "parse-tapset/bpf/x.stp", "parse-tapset", "-", "-", "", "");
        CasePlan plan = CasePlan.For(row, "/corpus");
        Assert.Equal(["-p", "1", "parse-tapset/bpf/x.stp"], plan.Arguments);
        Assert.Equal(Path.Combine("/corpus", "parse-tapset"), plan.TapsetDirectory);
        Assert.Equal(CasePlan.ParseBudget, plan.SlowAfter);
    }

    [Fact]
    public void PlanForRunRowsHasNoPassAndNoticesNeedsInterrupt()
    {
        var row = new ManifestRow("run/a", "run/a.stp", "run", "-u", "run/a.expected", "", "needs-interrupt: script never calls exit()");
        CasePlan plan = CasePlan.For(row, "/corpus");
        Assert.Equal(["-u", "run/a.stp"], plan.Arguments);
        Assert.True(plan.NeedsInterrupt);
    }
}
