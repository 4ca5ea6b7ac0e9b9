namespace FlightRec.Runtime.Formatting;

/// <summary>
/// A format string parsed once at compile time (LANGUAGE.md §6.1): immutable, shared by
/// every execution of the printf that uses it. <see cref="ArgumentTypes"/> lists what each
/// argument must be, in call order (<c>*</c> widths and precisions included), for the
/// compiler's type check and for the generated argument list.
/// </summary>
public sealed class CompiledFormat
{
    private readonly FormatComponent[] _components;
    private readonly FormatArgumentType[] _argumentTypes;

    public CompiledFormat(string text, IEnumerable<FormatComponent> components)
    {
        Text = text;
        _components = [.. components];
        var types = new List<FormatArgumentType>();
        bool memory = false;
        foreach (var c in _components)
        {
            if (c.Kind == ConversionKind.Literal)
            {
                continue;
            }

            if (c.WidthFromArgument)
            {
                types.Add(FormatArgumentType.Long);
            }

            if (c.PrecisionFromArgument)
            {
                types.Add(FormatArgumentType.Long);
            }

            types.Add(c.Kind == ConversionKind.String ? FormatArgumentType.String : FormatArgumentType.Long);
            memory |= c.Kind is ConversionKind.Memory or ConversionKind.MemoryHex;
        }

        _argumentTypes = [.. types];
        HasMemoryConversion = memory;
    }

    /// <summary>The format as the parser received it (escapes already interpreted).</summary>
    public string Text { get; }

    public ReadOnlySpan<FormatComponent> Components => _components;

    public ReadOnlySpan<FormatArgumentType> ArgumentTypes => _argumentTypes;

    public int ArgumentCount => _argumentTypes.Length;

    /// <summary>True when a <c>%m</c>/<c>%M</c> needs its size checked before anything is printed.</summary>
    internal bool HasMemoryConversion { get; }

    public override string ToString() => Text;
}
