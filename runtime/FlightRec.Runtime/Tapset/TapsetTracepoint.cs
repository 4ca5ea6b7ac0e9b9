using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using FlightRec.Runtime.Context;
using FlightRec.Runtime.Execution;
using FlightRec.Runtime.Providers.Tracepoints;

namespace FlightRec.Runtime.Tapset;

/// <summary>
/// What generated code calls for a tracepoint's <c>$field</c>, <c>$field[i]</c>, <c>$$name</c>,
/// <c>$$vars</c> and <c>$$parms</c> (LANGUAGE.md §8.3): values read from the raw record by the
/// layout of the event being handled. A slot is the index of the field's name in the module's
/// target-field table (<see cref="Module.ProbeDescriptor.TargetFields"/>). Strings are bytes
/// (Latin-1), as everywhere in the runtime.
/// </summary>
public static class TapsetTracepoint
{
    /// <summary>An integer field, sign- or zero-extended as its format says; a string field's address is not readable, so 0.</summary>
    public static long Long(ProbeContext context, int slot)
    {
        var field = Field(context, slot, out var record);
        return field.IsInteger ? Integer(record, field.Offset, field.Size, field.IsSigned) : 0;
    }

    /// <summary>A <c>char[N]</c>, <c>__data_loc char[]</c> or flexible <c>char[]</c> field up to its first NUL.</summary>
    public static string Text(ProbeContext context, int slot)
    {
        var field = Field(context, slot, out var record);
        return Decode(Bytes(record, field));
    }

    /// <summary>Element <paramref name="index"/> of an array field; out of range is stap's array-index error.</summary>
    public static long Element(ProbeContext context, int slot, long index, string? near = null)
    {
        var field = Field(context, slot, out var record);
        var bytes = Bytes(record, field);
        int size = ElementSize(field);
        if (index < 0 || size == 0 || index >= bytes.Length / size)
        {
            throw new ScriptError($"target variable index {index} out of range for ${field.Name}", near);
        }

        bool signed = !field.ElementCType.StartsWith("unsigned", StringComparison.Ordinal)
            && !field.ElementCType.StartsWith('u');
        return Integer(bytes, (int)index * size, size, signed);
    }

    /// <summary><c>$$name</c>: "subsystem:event".</summary>
    public static string Name(ProbeContext context) => Layout(context).Name;

    /// <summary>
    /// <c>$$vars</c> and <c>$$parms</c>: every field as <c>name=value</c>, separated by spaces —
    /// integers as <c>%#x</c> (stap's pretty-printing of target variables), strings quoted.
    /// </summary>
    public static string Vars(ProbeContext context)
    {
        var layout = Layout(context);
        var record = context.Event!.Record;
        var text = new StringBuilder();
        foreach (var field in layout.Format.Fields)
        {
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(field.Name).Append('=');
            if (field.IsString)
            {
                text.Append('"').Append(Decode(Bytes(record, field))).Append('"');
            }
            else if (field.IsInteger)
            {
                long value = Integer(record, field.Offset, field.Size, field.IsSigned);
                text.Append(value == 0 ? "0x0" : "0x" + value.ToString("x", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append('?');
            }
        }

        return text.ToString();
    }

    private static TracepointEventLayout Layout(ProbeContext context) =>
        context.Event?.Layout ?? throw new ScriptError("no tracepoint record in this probe");

    private static TracepointField Field(ProbeContext context, int slot, out ReadOnlySpan<byte> record)
    {
        var layout = Layout(context);
        var field = (uint)slot < (uint)layout.Slots.Length ? layout.Slots[slot] : null;
        record = context.Event!.Record;
        return field ?? throw new ScriptError($"tracepoint {layout.Name} has no field for slot {slot}");
    }

    // The field's bytes within the record; a damaged location reads as empty rather than past the
    // record. Dynamic data running past a captured record's end (an eBPF capture keeps a bounded
    // amount) reads cut at that end.
    private static ReadOnlySpan<byte> Bytes(ReadOnlySpan<byte> record, TracepointField field)
    {
        int start = field.Offset;
        int length = field.Size;
        if (field.IsDataLoc)
        {
            if (field.Offset + 4 > record.Length)
            {
                return [];
            }

            uint location = BinaryPrimitives.ReadUInt32LittleEndian(record[field.Offset..]);
            start = (int)(location & 0xffff) + (field.IsRelativeLoc ? field.Offset + field.Size : 0);
            length = Math.Min((int)(location >> 16), record.Length - start);
        }
        else if (field.IsFlexibleArray)
        {
            length = record.Length - start;
        }

        return start < 0 || length < 0 || start + length > record.Length ? [] : record.Slice(start, length);
    }

    private static string Decode(ReadOnlySpan<byte> bytes)
    {
        int end = bytes.IndexOf((byte)0);
        return Encoding.Latin1.GetString(end < 0 ? bytes : bytes[..end]);
    }

    // The element width: from size / count when the format gives a count, else from the C type's spelling.
    private static int ElementSize(TracepointField field)
    {
        if (field.ArrayLength > 0)
        {
            return field.Size / field.ArrayLength;
        }

        string type = field.ElementCType;
        return type switch
        {
            "char" or "const char" or "unsigned char" or "signed char" or "u8" or "s8" or "bool" or "__u8" or "__s8" => 1,
            "short" or "unsigned short" or "u16" or "s16" or "__u16" or "__s16" => 2,
            "int" or "unsigned int" or "unsigned" or "u32" or "s32" or "__u32" or "__s32" or "pid_t" => 4,
            _ => 8,
        };
    }

    private static long Integer(ReadOnlySpan<byte> record, int offset, int size, bool signed)
    {
        if (offset < 0 || offset + size > record.Length)
        {
            return 0;
        }

        var bytes = record.Slice(offset, size);
        return size switch
        {
            1 => signed ? (sbyte)bytes[0] : bytes[0],
            2 => signed ? BinaryPrimitives.ReadInt16LittleEndian(bytes) : BinaryPrimitives.ReadUInt16LittleEndian(bytes),
            4 => signed ? BinaryPrimitives.ReadInt32LittleEndian(bytes) : BinaryPrimitives.ReadUInt32LittleEndian(bytes),
            8 => BinaryPrimitives.ReadInt64LittleEndian(bytes),
            _ => 0,
        };
    }
}
