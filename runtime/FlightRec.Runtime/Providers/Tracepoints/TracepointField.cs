namespace FlightRec.Runtime.Providers.Tracepoints;

/// <summary>
/// One <c>field:</c> line of a tracepoint format. <see cref="CType"/> is the declaration with the
/// name taken out, exactly as the kernel wrote it (<c>char[16]</c>, <c>const char *</c>,
/// <c>__data_loc char[]</c>, <c>unsigned long[6]</c>); shapes we do not understand are kept
/// as written. <see cref="Offset"/> and <see cref="Size"/> are bytes in the raw record;
/// <see cref="ArrayLength"/> is 0 for scalars, flexible arrays (<c>char buf[]</c>) and
/// <c>__data_loc</c>/<c>__rel_loc</c> fields, else the element count.
/// </summary>
public sealed record TracepointField(
    string Name,
    string CType,
    int Offset,
    int Size,
    bool IsSigned,
    int ArrayLength,
    bool IsDataLoc)
{
    private const string DataLocPrefix = "__data_loc ";
    private const string RelLocPrefix = "__rel_loc ";

    /// <summary>
    /// The type of one element: <c>char</c> for <c>char[16]</c> and <c>__data_loc char[]</c>,
    /// the whole <see cref="CType"/> for scalars.
    /// </summary>
    public string ElementCType
    {
        get
        {
            string type = CType;
            if (type.EndsWith(']') && type.LastIndexOf('[') is var open and > 0)
            {
                type = type[..open];
            }

            if (type.StartsWith(DataLocPrefix, StringComparison.Ordinal))
            {
                type = type[DataLocPrefix.Length..];
            }
            else if (type.StartsWith(RelLocPrefix, StringComparison.Ordinal))
            {
                type = type[RelLocPrefix.Length..];
            }

            return type.Trim();
        }
    }

    /// <summary>
    /// A <c>__rel_loc</c> field: like <c>__data_loc</c> (low 16 bits offset, high 16 bits
    /// length) but the offset counts from the end of this field, not from the record start.
    /// </summary>
    public bool IsRelativeLoc => IsDataLoc && CType.StartsWith(RelLocPrefix, StringComparison.Ordinal);

    /// <summary>A trailing array of unknown length (<c>char buf[]</c>, size 0): it runs to the end of the record.</summary>
    public bool IsFlexibleArray => !IsDataLoc && CType.EndsWith("[]", StringComparison.Ordinal);

    /// <summary>
    /// Text, as stap and bpftrace read it: fixed <c>char</c> arrays, <c>__data_loc char[]</c> /
    /// <c>__rel_loc char[]</c> and flexible <c>char</c> arrays. Byte arrays spelled
    /// <c>u8</c>/<c>unsigned char</c> (addresses, uuids) are not text.
    /// </summary>
    public bool IsString => (IsDataLoc || ArrayLength > 0 || IsFlexibleArray) && IsCharType(ElementCType);

    /// <summary>A scalar of 1, 2, 4 or 8 bytes (integers, enums, bool, pointers): a long in scripts.</summary>
    public bool IsInteger =>
        ArrayLength == 0 && !IsDataLoc && !IsFlexibleArray && Size is 1 or 2 or 4 or 8 && !IsAggregate(CType);

    private static bool IsCharType(string type) => type is "char" or "const char";

    // A struct or union passed by value is not a number even when it happens to be 8 bytes.
    private static bool IsAggregate(string type) =>
        !type.Contains('*') &&
        (type.StartsWith("struct ", StringComparison.Ordinal) || type.StartsWith("union ", StringComparison.Ordinal));
}
