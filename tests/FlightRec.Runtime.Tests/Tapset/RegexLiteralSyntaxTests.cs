using FlightRec.Runtime.Tapset;

namespace FlightRec.Runtime.Tests.Tapset;

/// <summary>Messages and positions as stap 4.8's pass 2 reports them for the same literals.</summary>
public class RegexLiteralSyntaxTests
{
    [Theory]
    [InlineData("*a", "regex compilation error (at position 0): unexpected '*'")]
    [InlineData("a(", "regex compilation error (at position 1): expected ), found end of regex")]
    [InlineData("[abc", "regex compilation error (at position 3): unclosed character class")]
    [InlineData("[[:foo:]]", "regex compilation error: unknown character class 'foo'")]
    [InlineData("[z-a]", "regex compilation error (at position 4): Inverted character range z-a")]
    [InlineData("^*", "regex compilation error (at position 1): postfix closure '*' applied to anchoring operator")]
    [InlineData("a{12345}", "regex compilation error (at position 8): 12345 is too large")]
    [InlineData("a{x}", "regex compilation error (at position 3): expected number")]
    [InlineData("(?=a)", "regex compilation error (at position 2): unexpected '(?='")]
    [InlineData("(?", "regex compilation error (at position 1): unexpected '(?")]
    [InlineData("a[b-d}+", "regex compilation error (at position 6): unclosed character class")]
    [InlineData(@"a\\", "regex compilation error (at position 3): unexpected end of regex")]
    [InlineData(@"\x4", "regex compilation error (at position 1): two hex digits required in escape sequence")]
    [InlineData(@"\xz1", "regex compilation error (at position 3): two hex digits required in escape sequence")]
    [InlineData(@"\18", "regex compilation error (at position 1): three octal digits required in escape sequence")]
    [InlineData("a{2", "regex compilation error (at position 3): unexpected end of regex")]
    [InlineData("a{2,x}", "regex compilation error (at position 5): expected '}' or number")]
    [InlineData("a{2,3", "regex compilation error (at position 4): expected }, found end of regex")]
    [InlineData("[[:alpha", "regex compilation error (at position 8): unclosed character class '[:alph'")]
    [InlineData("[[:alpha:]", "regex compilation error (at position 10): unclosed character class '[:alpha:'")]
    [InlineData("[]", "regex compilation error (at position 1): unclosed character class")]
    [InlineData(@"[a\\]", "regex compilation error (at position 4): unclosed character class")]
    [InlineData(@"[a-\\]", "regex compilation error (at position 5): Inverted character range a-\\")]
    [InlineData("a{99999999999999999999}", "regex compilation error (at position 23): could not parse number 99999999999999999999")]
    public void Bad_literals_are_reported_like_stap(string literal, string report)
    {
        var e = Assert.Throws<ScriptRegexException>(() => RegexLiteralSyntax.Check(literal));
        Assert.Equal(report, e.Report);
    }

    [Theory]
    [InlineData("a)")]
    [InlineData(@"\8")]
    [InlineData("a{3,2}")]
    [InlineData(@"\\(")]
    [InlineData(@"\x41{2}")]
    [InlineData("(^)*")]
    [InlineData("[]a]")]
    [InlineData("[^]]")]
    [InlineData("[[a]")]
    [InlineData("a||b")]
    [InlineData("()")]
    [InlineData("")]
    [InlineData("^[[:alpha:]_][[:alnum:]_]*$")]
    public void Literals_stap_compiles_are_accepted(string literal) => RegexLiteralSyntax.Check(literal);
}
