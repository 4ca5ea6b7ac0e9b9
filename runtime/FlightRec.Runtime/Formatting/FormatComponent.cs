namespace FlightRec.Runtime.Formatting;

/// <summary>
/// One piece of a compiled format: a literal run or one conversion with its flag, width and
/// precision. A width or precision of −1 means "not given"; <see cref="WidthFromArgument"/>
/// and <see cref="PrecisionFromArgument"/> mark <c>*</c>, which takes a long argument before the value.
/// </summary>
public readonly struct FormatComponent
{
    private readonly byte[] _literal;

    internal FormatComponent(ConversionKind kind, FormatFlags flags, int width, bool widthFromArgument, int precision, bool precisionFromArgument, byte[]? literal)
    {
        Kind = kind;
        Flags = flags;
        Width = width;
        WidthFromArgument = widthFromArgument;
        Precision = precision;
        PrecisionFromArgument = precisionFromArgument;
        _literal = literal ?? [];
    }

    public ConversionKind Kind { get; }

    public FormatFlags Flags { get; }

    public int Width { get; }

    public bool WidthFromArgument { get; }

    public int Precision { get; }

    public bool PrecisionFromArgument { get; }

    /// <summary>
    /// The bytes a literal emits. stap copies a literal as a C string, so it ends at its
    /// first NUL (<c>"a\000b"</c> prints <c>a</c>); the rest is already cut off here.
    /// </summary>
    public ReadOnlySpan<byte> LiteralBytes => _literal;

    public static FormatComponent Literal(string text)
    {
        int nul = text.IndexOf('\0');
        var span = nul < 0 ? text.AsSpan() : text.AsSpan(0, nul);
        var bytes = new byte[span.Length];
        for (int i = 0; i < span.Length; i++)
        {
            // Script text is one char per byte (Latin-1); anything wider keeps its low byte.
            bytes[i] = (byte)span[i];
        }

        return new FormatComponent(ConversionKind.Literal, FormatFlags.None, -1, false, -1, false, bytes);
    }

    public static FormatComponent Conversion(ConversionKind kind, FormatFlags flags = FormatFlags.None, int width = -1, bool widthFromArgument = false, int precision = -1, bool precisionFromArgument = false)
    {
        if (kind == ConversionKind.Literal)
        {
            throw new ArgumentException("use Literal(text) for literal components", nameof(kind));
        }

        return new FormatComponent(kind, flags, widthFromArgument ? -1 : width, widthFromArgument, precisionFromArgument ? -1 : precision, precisionFromArgument, null);
    }

    /// <summary>How many arguments this component consumes: one per <c>*</c> plus the value.</summary>
    public int ArgumentCount => Kind == ConversionKind.Literal ? 0 : 1 + (WidthFromArgument ? 1 : 0) + (PrecisionFromArgument ? 1 : 0);
}
