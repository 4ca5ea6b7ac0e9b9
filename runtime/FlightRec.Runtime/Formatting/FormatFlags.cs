namespace FlightRec.Runtime.Formatting;

/// <summary>The flag characters of a conversion; a format accepts at most one per conversion (LANGUAGE.md §6.1).</summary>
[Flags]
public enum FormatFlags : byte
{
    None = 0,

    /// <summary><c>-</c>: left-justify; disables zero padding.</summary>
    Left = 1,

    /// <summary><c>+</c>: sign for non-negative <c>%d</c>/<c>%i</c>.</summary>
    Plus = 2,

    /// <summary>space: blank for non-negative <c>%d</c>/<c>%i</c>.</summary>
    Space = 4,

    /// <summary><c>#</c>: <c>0</c>/<c>0x</c> prefixes (even for 0), escaped <c>%c</c>.</summary>
    Special = 8,

    /// <summary><c>0</c>: zero padding for numbers; a trailing NUL for <c>%s</c>, <c>%m</c>, <c>%M</c>.</summary>
    ZeroPad = 16,
}
