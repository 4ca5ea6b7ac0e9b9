using System.Runtime.CompilerServices;

namespace FlightRec.Runtime.Formatting;

/// <summary>
/// Runs a compiled format over its arguments into a <see cref="FormatWriter"/>, following
/// the printf functions stap compiles per format (translate.cxx): every width and precision,
/// static or from <c>*</c>, is clamped to [0, space left] (so a negative <c>*</c> width does
/// not left-justify), then the conversion is written by the matching field routine.
/// </summary>
internal static class FormatEngine
{
    public static void Run(ref FormatWriter writer, CompiledFormat format, ReadOnlySpan<FormatArg> args, IMemoryReader? memory, string? near)
    {
        int next = 0;
        foreach (ref readonly var c in format.Components)
        {
            if (c.Kind == ConversionKind.Literal)
            {
                writer.Write(c.LiteralBytes);
                continue;
            }

            // A long argument is truncated to int before clamping, as clamp_t(int, …) does.
            int width = c.WidthFromArgument ? writer.Clamp((int)args[next++].Number)
                : c.Width >= 0 ? writer.Clamp(c.Width) : -1;
            int precision = c.PrecisionFromArgument ? writer.Clamp((int)args[next++].Number)
                : c.Precision >= 0 ? writer.Clamp(c.Precision) : -1;
            ref readonly var arg = ref args[next++];
            switch (c.Kind)
            {
                case ConversionKind.SignedDecimal:
                    NumberField.Write(ref writer, (ulong)arg.Number, 10, width, precision, c.Flags, signed: true, upper: false);
                    break;
                case ConversionKind.UnsignedDecimal:
                    NumberField.Write(ref writer, (ulong)arg.Number, 10, width, precision, c.Flags, signed: false, upper: false);
                    break;
                case ConversionKind.Octal:
                    NumberField.Write(ref writer, (ulong)arg.Number, 8, width, precision, c.Flags, signed: false, upper: false);
                    break;
                case ConversionKind.Hex:
                    NumberField.Write(ref writer, (ulong)arg.Number, 16, width, precision, c.Flags, signed: false, upper: false);
                    break;
                case ConversionKind.HexUpper:
                    NumberField.Write(ref writer, (ulong)arg.Number, 16, width, precision, c.Flags, signed: false, upper: true);
                    break;
                case ConversionKind.Pointer:
                    NumberField.Write(ref writer, (ulong)arg.Number, 16, width, precision, c.Flags | FormatFlags.Special, signed: false, upper: false);
                    break;
                case ConversionKind.LegacyPointer:
                    WriteLegacyPointer(ref writer, arg.Number, width, c.Flags);
                    break;
                case ConversionKind.Char:
                    CharField.Write(ref writer, (byte)arg.Number, width, c.Flags);
                    break;
                case ConversionKind.String:
                    MemoryField.WriteString(ref writer, arg.Text, width, precision, c.Flags);
                    break;
                case ConversionKind.Binary:
                    BinaryField.Write(ref writer, arg.Number, width, precision, c.Flags);
                    break;
                case ConversionKind.Memory:
                case ConversionKind.MemoryHex:
                    MemoryField.WriteMemory(ref writer, arg.Number, c.Kind == ConversionKind.MemoryHex, width, precision, c.Flags, memory, near);
                    break;
            }
        }
    }

    /// <summary>
    /// The checks stap makes before it prints anything: the argument list matches the
    /// format, and no <c>%m</c>/<c>%M</c> dumps more than a page. The dump size is the
    /// precision argument as given (not yet clamped), the static precision if positive, else 1.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Validate(CompiledFormat format, ReadOnlySpan<FormatArg> args, string? near)
    {
        if (args.Length != format.ArgumentCount)
        {
            ThrowArgumentCount(format, args.Length);
        }

        if (format.HasMemoryConversion)
        {
            CheckMemoryDumps(format, args, near);
        }
    }

    private static void ThrowArgumentCount(CompiledFormat format, int given) =>
        throw new ArgumentException($"format \"{format.Text}\" takes {format.ArgumentCount} arguments, got {given}", "args");

    private static void CheckMemoryDumps(CompiledFormat format, ReadOnlySpan<FormatArg> args, string? near)
    {
        int next = 0;
        foreach (ref readonly var c in format.Components)
        {
            if (c.Kind == ConversionKind.Literal)
            {
                continue;
            }

            if (c.WidthFromArgument)
            {
                next++;
            }

            long size = c.Precision > 0 ? c.Precision : 1;
            if (c.PrecisionFromArgument)
            {
                size = args[next++].Number;
            }

            next++;
            if (c.Kind is ConversionKind.Memory or ConversionKind.MemoryHex)
            {
                MemoryField.CheckDumpSize(size, near);
            }
        }
    }

    /// <summary>
    /// <c>%p</c> before stap 1.3: width defaults to 2 + 16, the precision is the width − 2
    /// (capped at 16 digits unless left-justified), and any given precision is ignored.
    /// </summary>
    private static void WriteLegacyPointer(ref FormatWriter writer, long value, int width, FormatFlags flags)
    {
        const int pointerDigits = 2 * sizeof(long);
        if (width == -1)
        {
            width = 2 + pointerDigits;
        }

        int precision = width - 2;
        if ((flags & FormatFlags.Left) == 0)
        {
            precision = Math.Min(precision, pointerDigits);
        }

        NumberField.Write(ref writer, (ulong)value, 16, width, precision, flags | FormatFlags.Special, signed: false, upper: false);
    }
}
