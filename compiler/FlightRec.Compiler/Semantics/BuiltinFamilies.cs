using FlightRec.Compiler.Syntax;

namespace FlightRec.Compiler.Semantics;

/// <summary>
/// The probe families the runtime provides today and the shapes it accepts (LANGUAGE.md §8.3;
/// the runtime's TimerSpec validates values at run time).
/// </summary>
public static class BuiltinFamilies
{
    private static readonly HashSet<string> TimerUnits =
        ["s", "sec", "ms", "msec", "us", "usec", "ns", "nsec", "hz", "jiffies"];

    /// <summary>Null if the point is a built-in one; otherwise the first component that does not fit.</summary>
    public static ProbePointComponent? Mismatch(ProbePoint point)
    {
        var c = point.Components;
        switch (c[0].Name)
        {
            case "begin" or "end" or "error":
                return c.Length == 1 && c[0].Argument is null or NumberLiteral ? null : Tail(c, 0);
            case "never":
                return c.Length == 1 && c[0].Argument is null ? null : Tail(c, 0);
            case "timer":
                return Timer(c);
            default:
                return c[0];
        }
    }

    private static ProbePointComponent? Timer(System.Collections.Immutable.ImmutableArray<ProbePointComponent> c)
    {
        if (c[0].Argument is not null)
        {
            return c[0];
        }

        if (c.Length < 2)
        {
            return c[0];
        }

        if (c[1].Name == "profile" && c[1].Argument is null)
        {
            return c.Length == 2 || (c.Length == 3 && c[2].Name == "tick" && c[2].Argument is null) ? null : c[^1];
        }

        if (!TimerUnits.Contains(c[1].Name) || c[1].Argument is not NumberLiteral)
        {
            return c[1];
        }

        if (c.Length == 2)
        {
            return null;
        }

        // stap refuses randomize on hz and jiffies timers.
        return c.Length == 3 && c[2].Name == "randomize" && c[2].Argument is NumberLiteral && c[1].Name is not ("hz" or "jiffies")
            ? null
            : c[^1];
    }

    private static ProbePointComponent Tail(System.Collections.Immutable.ImmutableArray<ProbePointComponent> c, int index) =>
        c.Length > 1 ? c[1] : c[index];
}
