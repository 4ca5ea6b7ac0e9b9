using FlightRec.Runtime.Context;
using FlightRec.Runtime.Execution;
using FlightRec.Runtime.Tapset;

namespace FlightRec.Runtime.Tests.Tapset;

public class ScriptRegexTests
{
    [Theory]
    [InlineData("abc", "xxabcxx", true)]
    [InlineData("^abc", "xxabc", false)]
    [InlineData("^abc$", "abc", true)]
    [InlineData("abc$", "abc\n", false)]
    [InlineData("a.c", "a\nc", true)]
    [InlineData("^[[:alpha:]]+$", "Hello", true)]
    [InlineData("^[[:alpha:]]+$", "H\u00e9llo", false)]
    [InlineData("^[[:digit:]]{3}$", "123", true)]
    [InlineData("^[[:digit:]]{3}$", "1234", false)]
    [InlineData("^[[:space:]]*$", " \t\r\n\v\f", true)]
    [InlineData("^[[:punct:]]+$", "!-]\\", true)]
    [InlineData("^[[:xdigit:][:upper:]]+$", "09afXYZ", true)]
    [InlineData("^[]a]+$", "]a]", true)]
    [InlineData("^[^]a]+$", "bcd", true)]
    [InlineData("^[^]a]+$", "b]d", false)]
    [InlineData("^[a-c-]+$", "ab-c", true)]
    [InlineData("^[\\]]$", "]", true)]
    [InlineData("a\\.b", "a.b", true)]
    [InlineData("a\\.b", "axb", false)]
    [InlineData("a\\d", "ad", true)]
    [InlineData("^(foo|bar)+$", "foobarfoo", true)]
    [InlineData("^a**$", "aaa", true)]
    [InlineData("^(?:ab){2,}$", "ababab", true)]
    [InlineData("^(?:ab){2,}$", "ab", false)]
    [InlineData("^a{2,3}$", "aaaa", false)]
    [InlineData("", "anything", true)]
    [InlineData("^(|a)$", "", true)]
    [InlineData("[$]", "a$b", true)]
    [InlineData("^x+?$", "x", true)]
    public void Matches_like_stap(string pattern, string subject, bool expected)
    {
        var regex = new ScriptRegex(pattern);
        Assert.Equal(expected, regex.IsMatch(subject));
        Assert.Equal(expected, regex.IsMatch(subject, new ProbeContext()));
    }

    [Theory]
    [InlineData("*a", "unexpected '*'", 0)]
    [InlineData("a(", "expected ), found end of regex", 2)]
    [InlineData("a)", "unbalanced ')'", 1)]
    [InlineData("[abc", "unclosed character class", 4)]
    [InlineData("[[:foo:]]", "unknown character class 'foo'", 3)]
    [InlineData("[z-a]", "Inverted character range z-a", 3)]
    [InlineData("^*", "postfix closure '*' applied to anchoring operator", 1)]
    [InlineData("a{12345}", "12345 is too large", 7)]
    [InlineData("a{x}", "expected number", 2)]
    [InlineData("(?=a)", "unexpected '(?='", 2)]
    public void Invalid_patterns_are_rejected(string pattern, string message, int position)
    {
        var e = Assert.Throws<ScriptRegexException>(() => new ScriptRegex(pattern));
        Assert.Equal(message, e.Message);
        Assert.Equal(position, e.Position);
        Assert.Equal($"regex compilation error (at position {position}): {message}", e.Report);
    }

    [Fact]
    public void Matched_and_ngroups_after_success()
    {
        var context = new ProbeContext();
        Assert.True(new ScriptRegex("str(ing)").IsMatch("a string!", context));
        Assert.Equal(2, TapsetRegex.Ngroups(context));
        Assert.Equal("string", TapsetRegex.MatchedStr(context));
        Assert.Equal("string", TapsetRegex.Matched(context, 0));
        Assert.Equal("ing", TapsetRegex.Matched(context, 1));
        Assert.Equal(
            "Attempted to get nonexistent subexpression 2",
            Assert.Throws<ScriptError>(() => TapsetRegex.Matched(context, 2)).Message);
    }

    [Fact]
    public void Groups_that_did_not_take_part_are_empty_and_non_capturing_groups_do_not_count()
    {
        var context = new ProbeContext();
        Assert.True(new ScriptRegex("(x)?(?:a)(b|(c))").IsMatch("zab", context));
        Assert.Equal(4, TapsetRegex.Ngroups(context));
        Assert.Equal("ab", TapsetRegex.Matched(context, 0));
        Assert.Equal("", TapsetRegex.Matched(context, 1));
        Assert.Equal("b", TapsetRegex.Matched(context, 2));
        Assert.Equal("", TapsetRegex.Matched(context, 3));
    }

    [Fact]
    public void A_quantified_group_reports_its_last_iteration()
    {
        var context = new ProbeContext();
        Assert.True(new ScriptRegex("^([a-z])+$").IsMatch("abc", context));
        Assert.Equal("c", TapsetRegex.Matched(context, 1));
    }

    /// <summary>
    /// The extent stap's tagged DFA reports: the start of the match that ends first, then the
    /// longest match from that start; groups from the preferred path (left alternative, greedy).
    /// </summary>
    [Theory]
    [InlineData("abcd|c", "abcd", "c", "")]
    [InlineData("ab|abcd", "abcd", "abcd", "")]
    [InlineData("(ab)?(abcd)?", "abcd", "abcd", ",abcd")]
    [InlineData("(a|ab)(c|bcd)", "abcd", "abcd", "a,bcd")]
    [InlineData("a*", "baaa", "", "")]
    [InlineData("x*(a+)", "baaa", "aaa", "aaa")]
    [InlineData("(a*)(a)", "aaa", "aaa", "aa,a")]
    [InlineData("b{2,3}", "abbbbc", "bbb", "")]
    [InlineData("(.)\\1", "a1", "a1", "a")]
    [InlineData("[[:digit:]]+$", "a1b22", "22", "")]
    public void The_match_and_its_groups_follow_stap_s_tagged_dfa(string pattern, string subject, string matched, string groups)
    {
        var context = new ProbeContext();
        Assert.True(new ScriptRegex(pattern).IsMatch(subject, context));
        Assert.Equal(matched, TapsetRegex.MatchedStr(context));
        var captured = Enumerable.Range(1, (int)TapsetRegex.Ngroups(context) - 1).Select(n => TapsetRegex.Matched(context, n));
        Assert.Equal(groups, string.Join(",", captured));
    }

    [Fact]
    public void After_a_failed_match_the_errors_follow_stap()
    {
        var context = new ProbeContext();
        var regex = new ScriptRegex("a(b)");
        Assert.True(regex.IsMatch("ab", context));
        Assert.False(regex.IsMatch("xy", context));
        Assert.Equal(
            "Attempted to get subexpression 1 from failed match",
            Assert.Throws<ScriptError>(() => TapsetRegex.Matched(context, 1)).Message);
        Assert.Equal(
            "Attempted to get subexpression count from failed match",
            Assert.Throws<ScriptError>(() => TapsetRegex.Ngroups(context)).Message);

        // Beyond the last successful match's groups stap's "nonexistent" message wins.
        Assert.Equal(
            "Attempted to get nonexistent subexpression 5",
            Assert.Throws<ScriptError>(() => TapsetRegex.Matched(context, 5)).Message);
    }

    [Fact]
    public void Before_any_match_every_subexpression_is_nonexistent()
    {
        var context = new ProbeContext();
        Assert.False(new ScriptRegex("q").IsMatch("x", context));
        Assert.Equal(
            "Attempted to get nonexistent subexpression 0",
            Assert.Throws<ScriptError>(() => TapsetRegex.MatchedStr(context)).Message);
        Assert.Equal(
            "Attempted to get nonexistent subexpression -1",
            Assert.Throws<ScriptError>(() => TapsetRegex.Matched(context, -1)).Message);
    }
}
