using FlightRec.Runtime.Tapset;

namespace FlightRec.Runtime.Tests.Tapset;

/// <summary>Expected values from the conformance tests string.text_str and base.utf_overlong.</summary>
public class TapsetTextTests
{
    private const int Max = 512;
    private const string A = "1234567890";
    private const string B = A + A;
    private const string C = A + A + A;
    private const string A2 = "\n\nXYZZY\u0019";
    private const string B2 = "\u003f\u0099\a\n\n\r\n";
    private const string C2 = A2 + B2;

    [Theory]
    [InlineData(A, A)]
    [InlineData(C, C)]
    [InlineData(A2, @"\n\nXYZZY\031")]
    [InlineData(B2, @"?\231\a\n\n\r\n")]
    [InlineData(C2, @"\n\nXYZZY\031?\231\a\n\n\r\n")]
    [InlineData("\"q\\\t\v\f\b\u007f", "\\\"q\\\\\\t\\v\\f\\b\\177")]
    public void TextStr(string input, string expected)
    {
        Assert.Equal(expected, TapsetText.TextStr(input, Max));
        Assert.Equal(expected, TapsetText.TextStrn(input, 0, 0, Max));
    }

    [Theory]
    [InlineData(A, 10, 0, A)]
    [InlineData(B, 10, 0, A)]
    [InlineData(C, 10, 0, A)]
    [InlineData(A, 0, 1, "\"1234567890\"")]
    [InlineData(B, 0, 1, "\"12345678901234567890\"")]
    [InlineData(A, 10, 1, "\"12345\"...")]
    [InlineData(B, 10, 1, "\"12345\"...")]
    [InlineData(A, 12, 1, "\"1234567890\"")]
    [InlineData(B, 12, 1, "\"1234567\"...")]
    [InlineData(C, 12, 1, "\"1234567\"...")]
    [InlineData(A2, 10, 0, @"\n\nXYZZY")]
    [InlineData(B2, 10, 0, @"?\231\a\n")]
    [InlineData(C2, 10, 0, @"\n\nXYZZY")]
    [InlineData(A2, 12, 0, @"\n\nXYZZY")]
    [InlineData(B2, 12, 0, @"?\231\a\n\n")]
    [InlineData(A2, 0, 1, @"""\n\nXYZZY\031""")]
    [InlineData(C2, 0, 1, @"""\n\nXYZZY\031?\231\a\n\n\r\n""")]
    [InlineData(A2, 10, 1, @"""\n\nX""...")]
    [InlineData(B2, 10, 1, @"""?\231""...")]
    [InlineData(A2, 15, 1, @"""\n\nXYZZY\031""")]
    [InlineData(B2, 15, 1, @"""?\231\a\n""...")]
    [InlineData(C2, 15, 1, @"""\n\nXYZZY""...")]
    public void TextStrn(string input, long len, long quoted, string expected) =>
        Assert.Equal(expected, TapsetText.TextStrn(input, len, quoted, Max));

    [Theory]
    [InlineData("\u00c0\u0080 \u00c1\u00bf \u00c2\u0080 \u00df\u00bf", @"""\300\200 \301\277 \u0080 \u07FF""")]
    [InlineData("\u00e0\u0080\u0080 \u00e0\u009f\u00bf \u00e0\u00a0\u0080 \u00ef\u00bf\u00bf", @"""\340\200\200 \340\237\277 \u0800 \uFFFF""")]
    [InlineData("\u00f0\u0080\u0080\u0080 \u00f0\u008f\u00bf\u00bf \u00f0\u0090\u0080\u0080 \u00f4\u008f\u00bf\u00bf", @"""\360\200\200\200 \360\217\277\277 \U00010000 \U0010FFFF""")]
    [InlineData("\u00ed\u00a0\u0080", @"""\355\240\200""")]
    [InlineData("\u00c3", @"""\303""")]
    public void StringQuoted_escapes_valid_utf8_only(string input, string expected) =>
        Assert.Equal(expected, TapsetText.StringQuoted(input, Max));

    [Fact]
    public void StringQuoted_of_a_long_string_is_cut_with_dots()
    {
        string result = TapsetText.StringQuoted(new string('x', 511), Max);
        Assert.Equal("\"" + new string('x', 506) + "\"...", result);
        Assert.Equal(511, result.Length);
    }

    [Fact]
    public void Truncation_never_cuts_an_escape()
    {
        // outlen 7 → 5 after quotes; "ab" uses 2, "\n" would leave 1 < 3 for "...".
        Assert.Equal("\"ab\"...", TapsetText.TextStrn("ab\ncd", 7, 1, Max));
        Assert.Equal("\"a\"...", TapsetText.TextStrn("a\u00e9\u00e9", 8, 1, Max));
        Assert.Equal(@"""\u00E9""", TapsetText.TextStrn("\u00c3\u00a9", 8, 1, Max));
    }
}
