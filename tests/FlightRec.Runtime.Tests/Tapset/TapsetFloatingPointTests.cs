using FlightRec.Runtime.Execution;
using FlightRec.Runtime.Tapset;
using Xunit;

namespace FlightRec.Runtime.Tests.Tapset;

public class TapsetFloatingPointTests
{
    [Theory]
    [InlineData("3.14159", 5, "3.14159")]
    [InlineData("-0.00001", 8, "-0.00001000")]
    [InlineData("2.5", 0, "2")]
    [InlineData("1e3", 1, "1000.0")]
    [InlineData("25e-1", 2, "2.50")]
    [InlineData("12345678901234567890", 2, "123456789012345696.00e2")]
    // stap rounds the last decimal on the next digit alone and prints a carry as "10".
    [InlineData("0.96", 1, "0.10")]
    public void Fp_to_string_repeats_stap_s_digit_loop(string input, long precision, string expected) =>
        Assert.Equal(expected, TapsetFloatingPoint.FpToString(TapsetFloatingPoint.StringToFp(input), precision, 512));

    [Theory]
    [InlineData("")]
    [InlineData("1.5x")]
    [InlineData("1.2.3")]
    public void String_to_fp_rejects_anything_after_the_number(string input)
    {
        // An empty string is 0/1 = 0 in stap, not an error.
        if (input.Length == 0)
        {
            Assert.Equal(0, TapsetFloatingPoint.StringToFp(input));
            return;
        }

        Assert.Equal("invalid format", Assert.Throws<ScriptError>(() => TapsetFloatingPoint.StringToFp(input)).Message);
    }

    [Fact]
    public void Arithmetic_comparisons_and_rounding_modes()
    {
        long half = TapsetFloatingPoint.StringToFp("0.5");
        long one = TapsetFloatingPoint.LongToFp(1);
        long sum = TapsetFloatingPoint.FpAdd(one, half);
        Assert.Equal(BitConverter.DoubleToInt64Bits(1.5), sum);
        Assert.Equal(1, TapsetFloatingPoint.FpLt(one, sum));
        Assert.Equal(0, TapsetFloatingPoint.FpEq(one, sum));
        long twoAndAHalf = TapsetFloatingPoint.FpMul(sum, TapsetFloatingPoint.StringToFp("1.6666666666666667"));
        Assert.Equal("2.5", TapsetFloatingPoint.FpToString(twoAndAHalf, 1, 512));
        Assert.Equal(2, TapsetFloatingPoint.FpToLong(twoAndAHalf, 0, 0));
        Assert.Equal(2, TapsetFloatingPoint.FpToLong(twoAndAHalf, 1, 0));
        Assert.Equal(3, TapsetFloatingPoint.FpToLong(twoAndAHalf, 3, 0));
        Assert.Equal(3, TapsetFloatingPoint.FpToLong(twoAndAHalf, 4, 0));
        Assert.Equal(3, TapsetFloatingPoint.FpToLong(twoAndAHalf, 6, 0));
        Assert.Equal(long.MaxValue, TapsetFloatingPoint.FpToLong(TapsetFloatingPoint.StringToFp("1e19"), 0, 0));
        long zero = TapsetFloatingPoint.LongToFp(0);
        Assert.Equal(0x7FF8000000000000, TapsetFloatingPoint.FpDiv(zero, zero));
        Assert.Equal("NaN", TapsetFloatingPoint.FpToString(TapsetFloatingPoint.FpDiv(zero, zero), 2, 512));
        Assert.Equal("-Infinity", TapsetFloatingPoint.FpToString(TapsetFloatingPoint.FpDiv(TapsetFloatingPoint.LongToFp(-1), zero), 2, 512));
    }
}
