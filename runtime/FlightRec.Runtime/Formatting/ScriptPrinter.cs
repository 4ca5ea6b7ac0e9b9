using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using FlightRec.Runtime.Output;

namespace FlightRec.Runtime.Formatting;

/// <summary>
/// The print family at run time (LANGUAGE.md §6.2–6.4): <c>printf</c> formats straight into
/// the handler's <see cref="OutputBuffer"/>, one call's output contiguous and at most one
/// buffer (STP_BUFFER_SIZE, 8 KiB) long; <c>sprintf</c> formats into a MAXSTRINGLEN window
/// and returns at most MAXSTRINGLEN − 1 bytes. <c>print</c>, <c>println</c>, <c>printd</c>
/// and their <c>s</c> forms run formats built by <see cref="PrintFormats"/>. Nothing here
/// allocates except the string <see cref="Sprintf(CompiledFormat, ReadOnlySpan{FormatArg}, int, IMemoryReader?, string?)"/> returns.
/// </summary>
public static class ScriptPrinter
{
    /// <summary>The sprintf window up to which the scratch buffer lives on the stack.</summary>
    private const int StackWindow = 1024;

    /// <summary>
    /// printf: appends the formatted output to <paramref name="output"/>. When the output
    /// does not fit in the space left, the buffer is flushed first, as stap's reserve does,
    /// so that the output stays contiguous; what does not fit in a whole buffer is cut off.
    /// Errors (<c>%m</c> size or read fault) are raised before anything is appended.
    /// </summary>
    [SkipLocalsInit]
    public static void Printf(OutputBuffer output, CompiledFormat format, ReadOnlySpan<FormatArg> args, IMemoryReader? memory = null, string? near = null)
    {
        FormatEngine.Validate(format, args, near);
        int limit = output.Capacity;
        var window = output.GetSpan(0);
        if (window.Length > limit)
        {
            window = window[..limit];
        }

        var writer = new FormatWriter(window);
        FormatEngine.Run(ref writer, format, args, memory, near);
        if (writer.Overflowed && window.Length < limit && output.Length > 0)
        {
            output.Flush();
            writer = new FormatWriter(output.GetSpan(limit)[..limit]);
            FormatEngine.Run(ref writer, format, args, memory, near);
        }

        output.Advance(writer.Position);
    }

    /// <summary>sprintf: the formatted string, truncated to <paramref name="maxStringLength"/> − 1 bytes.</summary>
    [SkipLocalsInit]
    public static string Sprintf(CompiledFormat format, ReadOnlySpan<FormatArg> args, int maxStringLength = 512, IMemoryReader? memory = null, string? near = null)
    {
        byte[]? rented = null;
        Span<byte> window = maxStringLength <= StackWindow
            ? stackalloc byte[StackWindow]
            : (rented = ArrayPool<byte>.Shared.Rent(maxStringLength));
        try
        {
            int length = Sprintf(window[..maxStringLength], format, args, memory, near);
            return length == 0 ? "" : Encoding.Latin1.GetString(window[..length]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// sprintf into a caller's window (its length is MAXSTRINGLEN): returns the length of the
    /// resulting C string, at most window length − 1 and ending before the first NUL
    /// (so a <c>%0s</c>, <c>%b</c> or <c>%c</c> that writes a NUL ends the string there).
    /// </summary>
    public static int Sprintf(Span<byte> window, CompiledFormat format, ReadOnlySpan<FormatArg> args, IMemoryReader? memory = null, string? near = null)
    {
        FormatEngine.Validate(format, args, near);
        if (window.IsEmpty)
        {
            return 0;
        }

        var writer = new FormatWriter(window);
        FormatEngine.Run(ref writer, format, args, memory, near);
        var result = window[..Math.Min(writer.Position, window.Length - 1)];
        int nul = result.IndexOf((byte)0);
        return nul < 0 ? result.Length : nul;
    }

    /// <summary>print_char: one byte, the low byte of <paramref name="value"/>.</summary>
    public static void PrintChar(OutputBuffer output, long value) => output.Append((byte)value);
}
