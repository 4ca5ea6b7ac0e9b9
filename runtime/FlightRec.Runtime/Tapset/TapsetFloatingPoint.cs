using System.Globalization;
using System.Text;
using FlightRec.Runtime.Execution;
using FlightRec.Runtime.Values;

namespace FlightRec.Runtime.Tapset;

/// <summary>
/// stap's tapset/floatingpoint.stp: IEEE-754 binary64 values carried in script longs. stap
/// computes with Berkeley SoftFloat in round-to-nearest-even, which is what .NET's double
/// arithmetic does, so each operation is the same double operation here; the string conversions
/// repeat stap's own digit loops (softfloat.c f64_to_str, str_to_f64) step by step, rounding
/// included. A NaN that an operation creates is SoftFloat's default NaN, 0x7FF8000000000000.
/// </summary>
public static class TapsetFloatingPoint
{
    private const long DefaultNaN = 0x7FF8000000000000;

    /// <summary>fp_to_string(fp, precision): integer digits (after dividing by 10 until below 1e18), precision decimals, then e and the divisions.</summary>
    public static string FpToString(long infp, long precision, int maxStringLength)
    {
        double a = BitConverter.Int64BitsToDouble(infp);
        if (double.IsInfinity(a))
        {
            return a < 0 ? "-Infinity" : "Infinity";
        }

        if (double.IsNaN(a))
        {
            return "NaN";
        }

        var text = new StringBuilder();
        if (infp < 0)
        {
            text.Append('-');
        }

        double positive = Math.Abs(a);
        int e10 = 0;
        while (1e18 <= positive)
        {
            positive /= 10;
            e10++;
        }

        long integer = (long)positive;
        double fraction = positive - integer;
        text.Append(integer.ToString(CultureInfo.InvariantCulture));
        int digits = unchecked((int)precision);
        if (digits > 0)
        {
            text.Append('.');
            for (int i = 0; i < digits - 1; i++)
            {
                fraction *= 10;
                long d = (long)fraction;
                text.Append(d.ToString(CultureInfo.InvariantCulture));
                fraction -= d;
            }

            // The last digit is rounded on the next one alone, and may become "10", as in stap.
            fraction *= 10;
            long last = (long)fraction;
            fraction -= last;
            fraction *= 10;
            if ((long)fraction >= 5)
            {
                last++;
            }

            text.Append(last.ToString(CultureInfo.InvariantCulture));
        }

        if (e10 != 0)
        {
            text.Append('e').Append(e10.ToString(CultureInfo.InvariantCulture));
        }

        return ScriptString.Truncate(text.ToString(), maxStringLength);
    }

    /// <summary>string_to_fp(s): [+-]digits[.digits][e[+-]digits] and nothing else, else <c>invalid format</c>.</summary>
    public static long StringToFp(string input)
    {
        int i = 0;
        double sign = i < input.Length && input[i] == '-' ? -1 : 1;
        if (i < input.Length && input[i] is '-' or '+')
        {
            i++;
        }

        double value = 0;
        for (; i < input.Length && char.IsAsciiDigit(input[i]); i++)
        {
            value = (value * 10) + (input[i] - '0');
        }

        if (i < input.Length && input[i] == '.')
        {
            i++;
        }

        double power = 1;
        for (; i < input.Length && char.IsAsciiDigit(input[i]); i++)
        {
            value = (value * 10) + (input[i] - '0');
            power *= 10;
        }

        if (i < input.Length && input[i] is 'e' or 'E')
        {
            i++;
            bool negative = i < input.Length && input[i] == '-';
            if (i < input.Length && input[i] is '-' or '+')
            {
                i++;
            }

            double exponent = 0;
            for (; i < input.Length && char.IsAsciiDigit(input[i]); i++)
            {
                exponent = (exponent * 10) + (input[i] - '0');
            }

            // stap scales the divisor: a negative exponent multiplies it, a positive one divides it.
            for (; exponent != 0; exponent--)
            {
                power = negative ? power * 10 : power / 10;
            }
        }

        long result = i == input.Length ? Bits(sign * (value / power)) : DefaultNaN;
        return result == DefaultNaN ? throw new ScriptError("invalid format") : result;
    }

    public static long LongToFp(long input) => Bits(input);

    /// <summary>fp_to_long(fp, mode, exact): SoftFloat's rounding modes 0–6; overflow saturates, NaN gives 0.</summary>
    public static long FpToLong(long infp, long roundingMode, long exact)
    {
        _ = exact; // only raises SoftFloat's inexact flag, which nothing reads
        double a = BitConverter.Int64BitsToDouble(infp);
        if (double.IsNaN(a))
        {
            return 0;
        }

        double rounded = roundingMode switch
        {
            0 => Math.Round(a, MidpointRounding.ToEven),
            2 => Math.Floor(a),
            3 => Math.Ceiling(a),
            4 => Math.Round(a, MidpointRounding.AwayFromZero),
            _ => Math.Truncate(a),
        };
        if (rounded >= 9223372036854775808.0)
        {
            return long.MaxValue;
        }

        if (rounded < -9223372036854775808.0)
        {
            return long.MinValue;
        }

        long result = (long)rounded;
        return roundingMode == 6 && rounded != a ? result | 1 : result;
    }

    public static long FpAdd(long add1, long add2) => Result(Value(add1) + Value(add2), add1, add2);

    public static long FpSub(long sub1, long sub2) => Result(Value(sub1) - Value(sub2), sub1, sub2);

    public static long FpMul(long mul1, long mul2) => Result(Value(mul1) * Value(mul2), mul1, mul2);

    public static long FpDiv(long div1, long div2) => Result(Value(div1) / Value(div2), div1, div2);

    /// <summary>fp_rem: the IEEE remainder (quotient rounded to nearest), as SoftFloat's f64_rem.</summary>
    public static long FpRem(long div1, long div2) => Result(Math.IEEERemainder(Value(div1), Value(div2)), div1, div2);

    public static long FpSqrt(long infp) => Result(Math.Sqrt(Value(infp)), infp, infp);

    public static long FpEq(long infp1, long infp2) => Value(infp1) == Value(infp2) ? 1 : 0;

    public static long FpLe(long infp1, long infp2) => Value(infp1) <= Value(infp2) ? 1 : 0;

    public static long FpLt(long infp1, long infp2) => Value(infp1) < Value(infp2) ? 1 : 0;

    /// <summary>
    /// fp32_to_fp64(bits): the low 32 bits as a binary32, widened exactly; a NaN keeps its sign
    /// and payload and becomes quiet (SoftFloat's common-NaN conversion).
    /// </summary>
    public static long Fp32ToFp64(long input)
    {
        uint bits = unchecked((uint)input);
        float single = BitConverter.UInt32BitsToSingle(bits);
        if (!float.IsNaN(single))
        {
            return Bits(single);
        }

        ulong sign = (ulong)(bits >> 31) << 63;
        ulong payload = (ulong)(bits & 0x7FFFFF) << 29;
        return unchecked((long)(sign | 0x7FF8000000000000UL | payload));
    }

    private static double Value(long bits) => BitConverter.Int64BitsToDouble(bits);

    private static long Bits(double value) => BitConverter.DoubleToInt64Bits(value);

    /// <summary>SoftFloat's NaN results: a NaN operand comes back quieted, a new NaN is the default one.</summary>
    private static long Result(double value, long a, long b)
    {
        if (!double.IsNaN(value))
        {
            return Bits(value);
        }

        const long quiet = 0x0008000000000000;
        return double.IsNaN(Value(a)) ? a | quiet : double.IsNaN(Value(b)) ? b | quiet : DefaultNaN;
    }
}
