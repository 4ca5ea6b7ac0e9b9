namespace FlightRec.Runtime.Providers.Tracepoints;

/// <summary>
/// Splits the declaration part of a <c>field:</c> line (<c>char prev_comm[16]</c>,
/// <c>const char * filename</c>, <c>__data_loc char[] name</c>) into name, type and array shape.
/// </summary>
internal static class FieldDeclaration
{
    public static TracepointField Parse(string declaration, int offset, int size, bool isSigned)
    {
        string text = declaration.Trim();
        string body = text;
        string arraySuffix = "";
        if (text.EndsWith(']') && text.LastIndexOf('[') is var open and > 0)
        {
            body = text[..open].TrimEnd();
            arraySuffix = text[open..];
        }

        int nameStart = body.Length;
        while (nameStart > 0 && IsIdentifierChar(body[nameStart - 1]))
        {
            nameStart--;
        }

        string type = body[..nameStart].TrimEnd();
        if (nameStart == body.Length || type.Length == 0)
        {
            // Not "TYPE NAME": keep the whole text as both, so nothing is lost and lookups by name still work.
            return new TracepointField(text, text, offset, size, isSigned, 0, IsDataLoc: false);
        }

        string name = body[nameStart..];
        bool isDataLoc = type.StartsWith("__data_loc ", StringComparison.Ordinal) ||
                         type.StartsWith("__rel_loc ", StringComparison.Ordinal);
        int arrayLength = arraySuffix.Length == 0 ? 0 : ArrayLength(arraySuffix[1..^1].Trim(), type, size);
        return new TracepointField(name, type + arraySuffix, offset, size, isSigned, arrayLength, isDataLoc);
    }

    // "[16]" gives 16; "[]" (flexible) gives 0; a size expression ("[TASK_COMM_LEN]", old
    // kernels) is worked out from the field size and the element width when we know it, and
    // otherwise counts bytes.
    private static int ArrayLength(string count, string elementType, int size)
    {
        if (count.Length == 0)
        {
            return 0;
        }

        if (int.TryParse(count, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n))
        {
            return n;
        }

        int width = ElementWidth(elementType);
        return width > 0 && size % width == 0 ? size / width : size;
    }

    // Widths on the 64-bit targets FlightRec supports (x86-64, arm64: LP64).
    private static int ElementWidth(string type)
    {
        if (type.Contains('*'))
        {
            return 8;
        }

        string bare = type.StartsWith("const ", StringComparison.Ordinal) ? type[6..] : type;
        return bare switch
        {
            "char" or "signed char" or "unsigned char" or "u8" or "s8" or "__u8" or "__s8" or "bool" or "_Bool" => 1,
            "short" or "unsigned short" or "u16" or "s16" or "__u16" or "__s16" or "__be16" or "__le16" => 2,
            "int" or "unsigned int" or "unsigned" or "u32" or "s32" or "__u32" or "__s32" or "__be32" or "__le32" or "pid_t" => 4,
            "long" or "unsigned long" or "long long" or "unsigned long long" or "u64" or "s64" or "__u64" or "__s64" => 8,
            _ => 0,
        };
    }

    private static bool IsIdentifierChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
