namespace FlightRec.Runtime.Providers;

/// <summary>
/// The period of a <c>timer.UNIT(N)[.randomize(M)]</c> probe, in nanoseconds, with stap's
/// ranges and messages (tapset-timers.cxx): time units from 100 µs to one day, jiffies
/// 1–1000000 with M ≤ N, <c>timer.hz(N)</c> rounded up to whole nanoseconds and never
/// randomized. A jiffy is 1/<see cref="Hz"/> s: stap uses the kernel's CONFIG_HZ, which a user
/// process cannot read reliably, so we fix the common distribution default, 250 (4 ms).
/// </summary>
public readonly record struct TimerSpec(long PeriodNanoseconds, long RandomizeNanoseconds)
{
    public const int Hz = 250;
    public const long JiffyNanoseconds = 1_000_000_000L / Hz;

    private const long MinNanoseconds = 100_000L;
    private const long MaxNanoseconds = 1_000_000_000L * 60 * 60 * 24;
    private const long MaxJiffies = 1_000_000;
    private const string Prefix = "timer.";
    private const string RandomizeSuffix = ".randomize(";

    /// <summary>
    /// Parses a canonical timer point; null if it is not one of the forms above (another
    /// provider's point, or <c>timer.profile</c>), <see cref="ProbePointException"/> if it is
    /// one with parameters out of range.
    /// </summary>
    public static TimerSpec? Parse(string point)
    {
        if (!point.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = point.AsSpan(Prefix.Length);
        int open = rest.IndexOf('(');
        if (open <= 0)
        {
            return null;
        }

        var unit = rest[..open].ToString();
        rest = rest[(open + 1)..];
        int close = rest.IndexOf(')');
        if (close < 0 || !TryParseNumber(rest[..close], out long period, out bool periodOverflow))
        {
            return null;
        }

        rest = rest[(close + 1)..];
        long randomize = 0;
        bool randomizeOverflow = false;
        if (rest.Length > 0)
        {
            if (!rest.StartsWith(RandomizeSuffix, StringComparison.Ordinal) || rest[^1] != ')'
                || !TryParseNumber(rest[RandomizeSuffix.Length..^1], out randomize, out randomizeOverflow)
                || unit == "hz")
            {
                return null;
            }
        }

        return unit switch
        {
            "jiffies" => Jiffies(point, period, randomize, periodOverflow || randomizeOverflow),
            "hz" => Hertz(point, period, periodOverflow),
            "s" or "sec" => Scaled(point, period, randomize, 1_000_000_000L, periodOverflow, randomizeOverflow),
            "ms" or "msec" => Scaled(point, period, randomize, 1_000_000L, periodOverflow, randomizeOverflow),
            "us" or "usec" => Scaled(point, period, randomize, 1_000L, periodOverflow, randomizeOverflow),
            "ns" or "nsec" => Scaled(point, period, randomize, 1L, periodOverflow, randomizeOverflow),
            _ => null,
        };
    }

    /// <summary>The next interval: the period plus a uniform random value in [-M, M], at least 1 ns.</summary>
    public long NextPeriod(Random random) =>
        RandomizeNanoseconds == 0
            ? PeriodNanoseconds
            : Math.Max(1, PeriodNanoseconds + random.NextInt64(-RandomizeNanoseconds, RandomizeNanoseconds + 1));

    private static TimerSpec Jiffies(string point, long period, long randomize, bool overflow)
    {
        if (overflow || period <= 0 || period > MaxJiffies)
        {
            throw new ProbePointException(point, "invalid interval for jiffies timer");
        }

        if (randomize < 0 || randomize > period)
        {
            throw new ProbePointException(point, "invalid randomize for jiffies timer");
        }

        return new TimerSpec(period * JiffyNanoseconds, randomize * JiffyNanoseconds);
    }

    private static TimerSpec Hertz(string point, long frequency, bool overflow)
    {
        if (!overflow && frequency <= 0)
        {
            throw new ProbePointException(point, "frequency must be greater than 0");
        }

        long period = overflow ? 0 : (1_000_000_000L + frequency - 1) / frequency;
        return Checked(point, period, 0, 1, overflow: false, randomizeOverflow: false);
    }

    private static TimerSpec Scaled(string point, long period, long randomize, long scale, bool periodOverflow, bool randomizeOverflow)
    {
        periodOverflow |= !TryMultiply(period, scale, out period);
        randomizeOverflow |= !TryMultiply(randomize, scale, out randomize);
        return Checked(point, period, randomize, scale, periodOverflow, randomizeOverflow);
    }

    private static TimerSpec Checked(string point, long period, long randomize, long scale, bool overflow, bool randomizeOverflow)
    {
        if (overflow || period < MinNanoseconds || period > MaxNanoseconds)
        {
            long min = scale < MinNanoseconds ? MinNanoseconds / scale : 1;
            throw new ProbePointException(point, $"interval value out of range ({min}, {MaxNanoseconds / scale})");
        }

        if (randomizeOverflow || randomize < 0 || randomize > period)
        {
            throw new ProbePointException(point, "randomization value out of range");
        }

        return new TimerSpec(period, randomize);
    }

    private static bool TryMultiply(long value, long scale, out long product)
    {
        try
        {
            product = checked(value * scale);
            return true;
        }
        catch (OverflowException)
        {
            product = 0;
            return false;
        }
    }

    /// <summary>A script integer literal as pp() prints it: decimal, 0x hex or 0 octal, optionally negative.</summary>
    private static bool TryParseNumber(ReadOnlySpan<char> text, out long value, out bool overflow)
    {
        value = 0;
        overflow = false;
        bool negative = text.StartsWith("-");
        if (negative)
        {
            text = text[1..];
        }

        if (text.IsEmpty)
        {
            return false;
        }

        int radix = 10;
        if (text.Length > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X'))
        {
            radix = 16;
            text = text[2..];
        }
        else if (text.Length > 1 && text[0] == '0')
        {
            radix = 8;
            text = text[1..];
        }

        foreach (char c in text)
        {
            int digit = char.IsAsciiDigit(c) ? c - '0' : char.IsAsciiHexDigit(c) ? (char.ToLowerInvariant(c) - 'a' + 10) : radix;
            if (digit >= radix)
            {
                return false;
            }

            if (!overflow && value > (long.MaxValue - digit) / radix)
            {
                overflow = true;
            }

            value = overflow ? 0 : (value * radix) + digit;
        }

        value = negative ? -value : value;
        return true;
    }
}
