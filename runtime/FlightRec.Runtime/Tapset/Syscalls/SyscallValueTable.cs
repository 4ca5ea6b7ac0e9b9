using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace FlightRec.Runtime.Tapset.Syscalls;

/// <summary>
/// A list of (value, name) pairs, searched in order the way stap's syscall tapset searches its
/// <c>_stp_val_array</c> lists: <see cref="Lookup"/> names one value, <see cref="LookupOr"/> a
/// set of bits. Whatever no name covers is printed as a number in the base the caller asks for.
/// </summary>
public sealed class SyscallValueTable((long Value, string Name)[] entries)
{
    private readonly (long Value, string Name)[] _entries = entries;

    public IReadOnlyList<(long Value, string Name)> Entries => _entries;

    /// <summary>The first name whose value equals <paramref name="value"/>, else the number.</summary>
    public string Lookup(long value, int numberBase = 16) =>
        TryLookup(value, out string? name) ? name : Number(value, numberBase);

    public bool TryLookup(long value, [NotNullWhen(true)] out string? name)
    {
        foreach (var (v, entry) in _entries)
        {
            if (v == value)
            {
                name = entry;
                return true;
            }
        }

        name = null;
        return false;
    }

    /// <summary>
    /// "A|B|0x40": zero is looked up as one value; otherwise each entry sharing any bit with what
    /// is left is named and all of its bits are removed (so an entry of several bits, such as
    /// O_SYNC, can claim a single one of them), and any bits left over follow as a number.
    /// </summary>
    public string LookupOr(long value, int numberBase = 16)
    {
        if (value == 0)
        {
            return Lookup(value, numberBase);
        }

        var text = new StringBuilder();
        foreach (var (v, name) in _entries)
        {
            if ((v & value) != 0)
            {
                Append(text, name);
                value &= ~v;
            }
        }

        if (value != 0)
        {
            Append(text, Number(value, numberBase));
        }

        return text.ToString();
    }

    /// <summary>C's "%ld", "%#lo" or "0x%lx" of a long.</summary>
    public static string Number(long value, int numberBase) => numberBase switch
    {
        10 => value.ToString(CultureInfo.InvariantCulture),
        8 => value == 0 ? "0" : "0" + Convert.ToString(value, 8),
        _ => "0x" + value.ToString("x", CultureInfo.InvariantCulture),
    };

    private static void Append(StringBuilder text, string part)
    {
        if (text.Length > 0)
        {
            text.Append('|');
        }

        text.Append(part);
    }
}
