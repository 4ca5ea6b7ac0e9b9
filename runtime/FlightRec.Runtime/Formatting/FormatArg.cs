namespace FlightRec.Runtime.Formatting;

/// <summary>
/// One printf argument without boxing: a long, or a string for <c>%s</c>. Generated code
/// passes them as a collection expression (<c>[name, 42L, 255L]</c>), which the C# compiler
/// builds on the stack as a <see cref="ReadOnlySpan{T}"/>.
/// </summary>
public readonly struct FormatArg
{
    private FormatArg(long number, string? text)
    {
        Number = number;
        Text = text;
    }

    public long Number { get; }

    /// <summary>The string of a <c>%s</c> argument; null for a long.</summary>
    public string? Text { get; }

    public static FormatArg FromLong(long value) => new(value, null);

    public static FormatArg FromString(string value) => new(0, value);

    public static implicit operator FormatArg(long value) => new(value, null);

    public static implicit operator FormatArg(string value) => new(0, value);

    public override string ToString() => Text ?? Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
