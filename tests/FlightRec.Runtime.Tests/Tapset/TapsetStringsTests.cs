using FlightRec.Runtime.Context;
using FlightRec.Runtime.Execution;
using FlightRec.Runtime.Tapset;

namespace FlightRec.Runtime.Tests.Tapset;

public class TapsetStringsTests
{
    private const int Max = 512;

    // conformance string.substr
    [Theory]
    [InlineData(0, 0, "")]
    [InlineData(-1, 10, "")]
    [InlineData(10, 0, "")]
    [InlineData(0, 1, "H")]
    [InlineData(1, 1, "e")]
    [InlineData(2, 1, "l")]
    [InlineData(2, 5, "llo W")]
    [InlineData(6, 1, "W")]
    [InlineData(11, 1, "!")]
    [InlineData(11, 100, "!")]
    [InlineData(12, 1, "")]
    [InlineData(0, 10, "Hello Worl")]
    [InlineData(0, 100, "Hello World!")]
    [InlineData(0, 100000, "Hello World!")]
    [InlineData(3, -5, "")]
    [InlineData(0, long.MaxValue, "")]
    public void Substr_clips_like_stap(long start, long length, string expected) =>
        Assert.Equal(expected, TapsetStrings.Substr("Hello World!", start, length, Max));

    [Fact]
    public void Substr_copies_at_most_MAXSTRINGLEN_minus_one() =>
        Assert.Equal(new string('x', 127), TapsetStrings.Substr(new string('x', 200), 0, 1000, 128));

    [Fact]
    public void Stringat_is_a_signed_char()
    {
        Assert.Equal('o', TapsetStrings.Stringat("ok", 0));
        Assert.Equal('k', TapsetStrings.Stringat("ok", 1));
        Assert.Equal(-1, TapsetStrings.Stringat("a\u00ff", 1));
        Assert.Equal(-128, TapsetStrings.Stringat("\u0080", 0));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(-1)]
    public void Stringat_outside_the_string_is_an_error(long pos)
    {
        var e = Assert.Throws<ScriptError>(() => TapsetStrings.Stringat("ok", pos));
        Assert.Equal("Position out of bounds", e.Message);
        Assert.True(e.Catchable);
    }

    // conformance string.isinstr and string.strpos
    [Theory]
    [InlineData("abcfoobad", "foo", 1)]
    [InlineData("abcdefg", "foo", 0)]
    [InlineData("", "", 1)]
    public void Isinstr(string s1, string s2, long expected) => Assert.Equal(expected, TapsetStrings.Isinstr(s1, s2));

    [Theory]
    [InlineData("foo", "abcfoobad", -1)]
    [InlineData("abcfoobad", "foo", 3)]
    [InlineData("foo", "foo", 0)]
    [InlineData("foo", "", 0)]
    [InlineData("", "foo", -1)]
    [InlineData("", "", 0)]
    public void Strpos(string haystack, string needle, long expected) =>
        Assert.Equal(expected, TapsetStrings.Strpos(haystack, needle));

    // conformance string.str_replace (its expected output was recorded with MAXSTRINGLEN=128)
    [Theory]
    [InlineData("hello system tap", "system", "pointer", "hello pointer tap")]
    [InlineData("hello system tap", "hello", "pointer", "pointer system tap")]
    [InlineData("hello system tap", "tap", "pointer", "hello system pointer")]
    [InlineData("hello system tap", "system", "", "hello  tap")]
    [InlineData("hello system tap", "", "pointer", "hello system tap")]
    [InlineData("", "", "pointer", "")]
    [InlineData("aaaa", "aa", "b", "bb")]
    [InlineData("aaa", "aa", "aab", "aaba")]
    public void StrReplace(string s, string search, string replace, string expected) =>
        Assert.Equal(expected, TapsetStrings.StrReplace(s, search, replace, Max));

    [Fact]
    public void StrReplace_truncates_the_result()
    {
        const string song = "Here I am, on the road again. there I am, up on the stage, Here I go, playing star again. There I go, turn the page.- Bob Seger";
        Assert.Equal(
            "Here I am, on the bored again. there I am, up on the stage, Here I go, playing star again. There I go, turn the page.- Bob Sege",
            TapsetStrings.StrReplace(song, "road", "bored", 128));
        Assert.Equal(
            "here I am, on the road again. there I am, up on the stage, here I go, playing star again. There I go, turn the page.- Bob Seger",
            TapsetStrings.StrReplace(song, "Here", "here", 128));
        Assert.Equal(
            "Here I am, on the road again. there I am, up on the stage, Here I go, playing star again. There I go, turn the page.- Metallica",
            TapsetStrings.StrReplace(song, "Bob Seger", "Metallica", 128));
    }

    [Theory]
    [InlineData("5abc", 1)]
    [InlineData("0", 1)]
    [InlineData("a5", 0)]
    [InlineData("", 0)]
    [InlineData(" 5", 0)]
    public void Isdigit(string s, long expected) => Assert.Equal(expected, TapsetStrings.Isdigit(s));

    [Fact]
    public void Strlen_counts_bytes() => Assert.Equal(3, TapsetStrings.Strlen("a\u00e9b"));

    [Fact]
    public void Tokenize_returns_non_empty_tokens_then_empty()
    {
        var context = new ProbeContext();
        Assert.Equal("one", TapsetStrings.Tokenize(context, ",,one,,two;three,", ",;"));
        Assert.Equal("two", TapsetStrings.Tokenize(context, ",;"));
        Assert.Equal("three", TapsetStrings.Tokenize(context, "", ",;"));
        Assert.Equal("", TapsetStrings.Tokenize(context, ",;"));
        Assert.Equal("", TapsetStrings.Tokenize(context, ",;"));
    }

    [Fact]
    public void Tokenize_delimiters_may_change_between_calls()
    {
        var context = new ProbeContext();
        Assert.Equal("a", TapsetStrings.Tokenize(context, "a b,c d", " "));
        Assert.Equal("b", TapsetStrings.Tokenize(context, ","));
        Assert.Equal("c d", TapsetStrings.Tokenize(context, ","));
        Assert.Equal("", TapsetStrings.Tokenize(context, ","));
    }

    [Fact]
    public void Tokenize_new_input_restarts_and_empty_delimiters_return_the_rest()
    {
        var context = new ProbeContext();
        Assert.Equal("x", TapsetStrings.Tokenize(context, "x y", " "));
        Assert.Equal("p q", TapsetStrings.Tokenize(context, "p q", ""));
        Assert.Equal("", TapsetStrings.Tokenize(context, ""));
        Assert.Equal("", TapsetStrings.Tokenize(context, "", ","));
        Assert.Equal("", TapsetStrings.Tokenize(context, ",,,", ","));
    }

    [Fact]
    public void Tokenize_state_is_per_handler_hit()
    {
        var context = new ProbeContext();
        Assert.Equal("a", TapsetStrings.Tokenize(context, "a b", " "));
        context.BeginHit();
        Assert.Equal("", TapsetStrings.Tokenize(context, " "));
    }
}
