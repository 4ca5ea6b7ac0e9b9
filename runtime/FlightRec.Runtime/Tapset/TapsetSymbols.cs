using System.Globalization;
using FlightRec.Runtime.Context;

namespace FlightRec.Runtime.Tapset;

/// <summary>
/// Address-to-symbol functions (stap tapset/linux/ucontext-symbols.stp). FlightRec reads no
/// symbol tables yet, so every address is unknown, and stap prints an unknown address as
/// <c>0x</c> and its hex digits (_stp_snprint_addr).
/// </summary>
public static class TapsetSymbols
{
    /// <summary>usymdata(addr): symbol, offset, size and module; the hex address when unknown.</summary>
    public static string Usymdata(ProbeContext context, long address)
    {
        _ = context;
        return "0x" + address.ToString("x", CultureInfo.InvariantCulture);
    }
}
