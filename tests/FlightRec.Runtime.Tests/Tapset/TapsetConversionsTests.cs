using FlightRec.Runtime.Execution;
using FlightRec.Runtime.Tapset;

namespace FlightRec.Runtime.Tests.Tapset;

public class TapsetConversionsTests
{
    [Theory]
    [InlineData("123", 10, 123)]
    [InlineData("-123", 10, -123)]
    [InlineData("12abc", 10, 12)]
    [InlineData("abc", 10, 0)]
    [InlineData("", 10, 0)]
    [InlineData(" 12", 10, 0)]
    [InlineData("+12", 10, 0)]
    [InlineData("--5", 10, 0)]
    [InlineData("0x1F", 0, 31)]
    [InlineData("0X1f", 0, 31)]
    [InlineData("0x", 0, 0)]
    [InlineData("0xg", 0, 0)]
    [InlineData("017", 0, 15)]
    [InlineData("019", 0, 1)]
    [InlineData("17", 0, 17)]
    [InlineData("-0x10", 0, -16)]
    [InlineData("0x1F", 16, 31)]
    [InlineData("ff", 16, 255)]
    [InlineData("0x", 16, 0)]
    [InlineData("777", 8, 511)]
    [InlineData("789", 8, 7)]
    [InlineData("1012", 2, 5)]
    [InlineData("zz", 36, 0)]
    [InlineData("af", 36, 10 * 36 + 15)]
    [InlineData("18446744073709551615", 10, -1)]
    [InlineData("9223372036854775808", 10, long.MinValue)]
    [InlineData("-9223372036854775808", 10, long.MinValue)]
    public void Strtol_is_simple_strtol(string s, long radix, long expected) =>
        Assert.Equal(expected, TapsetConversions.Strtol(s, radix));

    [Theory]
    [InlineData(2, "ENOENT")]
    [InlineData(-2, "ENOENT")]
    [InlineData(1, "EPERM")]
    [InlineData(11, "EAGAIN")]
    [InlineData(14, "EFAULT")]
    [InlineData(34, "ERANGE")]
    [InlineData(35, "EDEADLOCK")]
    [InlineData(38, "ENOSYS")]
    [InlineData(95, "EOPNOTSUPP")]
    [InlineData(-110, "ETIMEDOUT")]
    [InlineData(131, "ENOTRECOVERABLE")]
    [InlineData(0, "")]
    [InlineData(41, "")]
    [InlineData(58, "")]
    [InlineData(132, "")]
    [InlineData(3333, "")]
    [InlineData(long.MinValue, "")]
    public void ErrnoStr(long err, string expected) => Assert.Equal(expected, TapsetConversions.ErrnoStr(err));

    [Theory]
    [InlineData(1, -2, "-2 (ENOENT)")]
    [InlineData(2, -2, "-2 (ENOENT)")]
    [InlineData(1, 2, "2")]
    [InlineData(1, -3333, "-3333")]
    [InlineData(2, 255, "0xff")]
    [InlineData(2, -3333, "0xfffffffffffff2fb")]
    [InlineData(3, 8, "010")]
    [InlineData(3, 0, "00")]
    [InlineData(3, -3333, "01777777777777777771373")]
    [InlineData(3, -1, "-1 (EPERM)")]
    [InlineData(7, 42, "42")]
    public void ReturnStr(long format, long ret, string expected) =>
        Assert.Equal(expected, TapsetConversions.ReturnStr(format, ret));

    [Fact]
    public void Randint_stays_in_range()
    {
        var random = new Random(1);
        for (int i = 0; i < 1000; i++)
        {
            long r = TapsetConversions.Randint(10, random);
            Assert.InRange(r, 0, 9);
        }

        Assert.InRange(TapsetConversions.Randint(1048576), 0, 1048575);
        Assert.Equal(0, TapsetConversions.Randint(1));
    }

    [Theory]
    [InlineData(1048577)]
    [InlineData(-1)]
    public void Randint_range_too_wide(long n) =>
        Assert.Equal("range too wide", Assert.Throws<ScriptError>(() => TapsetConversions.Randint(n)).Message);
}
