using FlightRec.Compiler.Parsing;
using Xunit;
using static FlightRec.Compiler.Tests.Preprocessing.PreprocessorHarness;

namespace FlightRec.Compiler.Tests.Preprocessing;

public class ErrorTests
{
    private const string UnknownLeft =
        "expected 'arch', 'kernel_v', 'kernel_vr', 'systemtap_v',\n" +
        "             'runtime', 'systemtap_privilege', 'CONFIG_...', or\n" +
        "             comparison between strings or integers";

    [Theory]
    // Macro definitions (§2.2).
    [InlineData("@define", "expected identifier")]
    [InlineData("@define 3 %( %)", "expected identifier")]
    [InlineData("@define probe %( %)", "expected identifier")]
    [InlineData("@define foo", "expected '%(' or '('")]
    [InlineData("@define foo bar", "expected '%(' or '('")]
    [InlineData("@define foo(a) bar", "expected '%('")]
    [InlineData("@define foo(a b) %( %)", "expected ',' or ')'")]
    [InlineData("@define foo(1) %( %)", "expected identifier")]
    [InlineData("@define foo %(", "incomplete macro definition - missing '%)'")]
    [InlineData("@define foo %( cheese", "incomplete macro definition - missing '%)'")]
    [InlineData("@define foo %( %( %)", "incomplete macro definition - missing '%)'")]
    [InlineData("@define define %( cheese %)", "attempt to redefine '@define'")]
    [InlineData("@define f %( @define g %( 1 %) %) @f", "'@define' forbidden inside macro body")]
    // Invocations.
    [InlineData("@define foo(a) %( probe @a %) @foo { }", "expected '(' in invocation of macro '@foo' taking 1 parameter")]
    [InlineData("@define foo(a, b) %( %) @foo", "expected '(' in invocation of macro '@foo' taking 2 parameters")]
    [InlineData("@define foo(a) %( %) @foo(begin, end)", "too many parameters for macro '@foo' (expected 1)")]
    [InlineData("@define foo(a, b, c) %( %) @foo(begin, end)", "too few parameters for macro '@foo' (expected 3)")]
    [InlineData("@define foo(a) %( %) @foo(begin", "could not find end of macro invocation")]
    [InlineData("@define bar(b) %( @b %) @define foo(a) %( @bar(@a %) @foo(begin)", "could not find end of macro invocation")]
    [InlineData("probe begin { @foo(v) }", "unknown operator @foo")]
    [InlineData("@define f %( 1 + @f %) @f", "recursive macro expansion of '@f'")]
    [InlineData("@define f %( @g %) @define g %( [ @f ] %) x @f", "recursive macro expansion of '@f'")]
    // Conditional structure (§2.4).
    [InlineData("%( arch == ", "incomplete condition after '%('")]
    [InlineData("%(", "incomplete condition after '%('")]
    [InlineData("%( arch == \"2.6\" %)", "expected '%?' marker for conditional")]
    [InlineData("%( 1 == 1 probe", "expected '%?' marker for conditional")]
    [InlineData("probe %? x", "incomplete conditional - missing '%('")]
    [InlineData("probe %: x", "incomplete conditional - missing '%('")]
    [InlineData("probe %) x", "incomplete conditional - missing '%('")]
    [InlineData("%( 1 == 1 %? a %: b %: c %)", "invalid conditional - duplicate '%:'")]
    [InlineData("%( 1 == 2 %? a %: b %: c %)", "invalid conditional - duplicate '%:'")]
    [InlineData("%( 1 == 2 %? a %? b %)", "incomplete conditional - missing '%('")]
    [InlineData("%( 0 == 0 %?", "incomplete conditional at end of file")]
    [InlineData("%( 0 == 1 %? %:", "incomplete conditional at end of file")]
    [InlineData("%( 0 == 1 %? a", "incomplete conditional at end of file")]
    // Tests.
    [InlineData("%( kernel_v <= 2.6 %? %)", "expected string literal")]
    [InlineData("%( kernel_v * \"2.6\" %? %)", "expected comparison operator")]
    [InlineData("%( kernel_vr < \"2.6*\" %? %)", "wildcard not allowed with order comparison operators")]
    [InlineData("%( systemtap_v >= \"[3]\" %? %)", "wildcard not allowed with order comparison operators")]
    [InlineData("%( arch == foo %? %)", "expected string literal")]
    [InlineData("%( arch >= \"foo\" %? %)", "expected '==' or '!='")]
    [InlineData("%( runtime == foo %? %)", "expected string literal")]
    [InlineData("%( runtime >= \"foo\" %? %)", "expected '==' or '!='")]
    [InlineData("%( systemtap_privilege == 1 %? %)", "expected string literal")]
    [InlineData("%( systemtap_privilege < \"stapdev\" %? %)", "expected '==' or '!='")]
    [InlineData("%( guru_mode == 2 %? %)", "expected 0 or 1")]
    [InlineData("%( guru_mode == \"bad\" %? %)", "expected number")]
    [InlineData("%( guru_mode >= 0 %? %)", "expected '==' or '!='")]
    [InlineData("%( CONFIG_SMP > \"y\" %? %)", "expected '==' or '!='")]
    [InlineData("%( CONFIG_SMP == 1 %? %)", "Config option value not a number")]
    // A bare CONFIG_ operand takes %? as its operator and the next token as its value.
    [InlineData("%( CONFIG_SMP %? 1 %: 2 %)", "Config option value not a number")]
    [InlineData("%( CONFIG_SMP %? yes %: no %)", "expected string, number literal or other CONFIG_... as right side operand")]
    [InlineData("%( CONFIG_HZ = 1 %? %)", "expected comparison operator")]
    [InlineData("%( CONFIG_HZ == other %? %)", "expected string, number literal or other CONFIG_... as right side operand")]
    [InlineData("%( \"a\" + \"b\" %? %)", "expected comparison operator")]
    [InlineData("%( 1 = 1 %? %)", "expected comparison operator")]
    [InlineData("%( \"2\" != 2 %? %)", "expected string literal as right value")]
    [InlineData("%( 2 != \"2\" %? %)", "expected number literal as right value")]
    [InlineData("%( foo == \"2.6\" %? %)", UnknownLeft)]
    [InlineData("%( defined(foo) %? %)", UnknownLeft)]
    [InlineData("%( arch == \"2.6\" && %? probe begin() { } %)", UnknownLeft)]
    [InlineData("%( arch == \"2.6\" && || arch == \"2.66\" %? %)", UnknownLeft)]
    [InlineData("%( @foo == 1 %? %)", UnknownLeft)]
    // Every test is evaluated, even after the result is known.
    [InlineData("%( 1 == 1 || arch >= \"x\" %? %)", "expected '==' or '!='")]
    [InlineData("%( 1 == 2 && arch >= \"x\" %? %)", "expected '==' or '!='")]
    // A junk token's own message wins.
    [InlineData("%( @1 == \"x\" %? %)", "command line argument out of range [1-0]")]
    public void ReportsStapsMessage(string source, string message)
    {
        var result = Run(source);
        Assert.Equal(message, Assert.Single(result.Diagnostics, d => d.IsError).Message);
    }

    [Fact]
    public void JunkInAKeptBranchIsLeftForTheParser()
    {
        // parse-ko/preprocess12: the parser reports the junk token where it meets it.
        var result = Run("%( $# < 2 %? probe begin { print @1 } %)");
        Assert.Empty(result.Diagnostics);
        Assert.Equal("probe begin { print @1 }", result.Text);
        Assert.Equal("command line argument out of range [1-0]", result.Tokens[4].JunkMessage);
    }

    [Fact]
    public void RedefinitionPointsAtBothDefinitions()
    {
        var result = Run("@define x %( 1 %)\n@define x %( 2 %)");
        Assert.Collection(result.Diagnostics,
            d =>
            {
                Assert.Equal("attempt to redefine macro '@x' in the same file", d.Message);
                Assert.Equal(2, d.Span!.Value.Line);
                Assert.True(d.NamesToken);
            },
            d =>
            {
                Assert.Equal("macro '@x' first defined here", d.Message);
                Assert.Equal(1, d.Span!.Value.Line);
                Assert.Equal(9, d.Span.Value.Column);
            });
    }

    [Fact]
    public void ErrorsNameTheirToken()
    {
        var d = Assert.Single(Run("\n%( arch >= \"foo\" %?\n probe begin { }\n%)").Diagnostics);
        Assert.Equal("operator '>='", d.Token);
        Assert.True(d.NamesToken);
        Assert.Equal((2, 9), (d.Span!.Value.Line, d.Span.Value.Column));

        d = Assert.Single(Run("x\n%( arch == \"2.6\" %)").Diagnostics);
        Assert.Equal("expected '%?' marker for conditional", d.Message);
        Assert.Equal("operator '%('", d.Token);

        d = Assert.Single(Run("probe begin { @foo(v) }").Diagnostics);
        Assert.Equal("operator '@foo'", d.Token);
        Assert.True(d.NamesToken);
    }

    [Fact]
    public void ErrorAtEndOfFileBeforeAnyTokenSaysEof()
    {
        var d = Assert.Single(Run("\n@define", fileName: "m.stp").Diagnostics);
        Assert.Equal("expected identifier", d.Message);
        Assert.Null(d.Span);
        Assert.Equal("m.stp EOF", d.Token);
    }

    [Fact]
    public void ErrorAtEndOfFileAfterTokensSawTheLastToken()
    {
        var d = Assert.Single(Run("probe begin { } @define foo").Diagnostics);
        Assert.Equal("expected '%(' or '('", d.Message);
        Assert.Equal("operator '}'", d.Token);
        Assert.False(d.NamesToken);
    }

    [Fact]
    public void ErrorKeepsTokensSoFarAndEndsWithEof()
    {
        var result = Run("probe begin { %( 1 == 1 %? a %: b %: c %) }");
        Assert.Equal("probe begin { a", result.Text);
        Assert.Equal(Parsing.Generated.FrsLexer.Eof, result.Tokens[^1].Type);
    }

    [Fact]
    public void ErrorInsideExpansionCarriesTheChain()
    {
        const string source = """
            @define bar(b) %( @bluff %)
            @define foo(a) %( @bar(@a) %)
            probe @foo(begin) { print(42) }
            """;
        var d = Assert.Single(Run(source).Diagnostics);
        Assert.Equal("unknown operator @bluff", d.Message);
        Assert.Equal(1, d.Span!.Value.Line);
        Assert.NotNull(d.ExpansionChain);
        Assert.Equal([2, 3], d.ExpansionChain!.Select(s => s.Span.Line));
    }

    [Fact]
    public void RecursionIsReportedAtTheOutermostInvocation()
    {
        var d = Assert.Single(Run("@define f %( 1 + @f %)\nprobe begin { x = @f }").Diagnostics);
        Assert.Equal("recursive macro expansion of '@f'", d.Message);
        Assert.Equal((2, 19), (d.Span!.Value.Line, d.Span.Value.Column));
        Assert.Null(d.ExpansionChain);
    }

    [Fact]
    public void RecursionInSkippedBranchIsIgnored() =>
        Assert.Equal("ok", Text("@define f %( 1 + @f %) %( 1 == 2 %? @f %: ok %)"));
}
