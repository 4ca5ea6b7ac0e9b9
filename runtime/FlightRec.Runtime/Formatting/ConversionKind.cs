namespace FlightRec.Runtime.Formatting;

/// <summary>What one component of a compiled format produces (LANGUAGE.md §6.2).</summary>
public enum ConversionKind : byte
{
    /// <summary>Literal text, emitted byte for byte.</summary>
    Literal,

    /// <summary><c>%d</c>, <c>%i</c>.</summary>
    SignedDecimal,

    /// <summary><c>%u</c>.</summary>
    UnsignedDecimal,

    /// <summary><c>%o</c>.</summary>
    Octal,

    /// <summary><c>%x</c>.</summary>
    Hex,

    /// <summary><c>%X</c>.</summary>
    HexUpper,

    /// <summary><c>%p</c> since stap 1.3: exactly <c>%#x</c>.</summary>
    Pointer,

    /// <summary>
    /// <c>%p</c> under <c>--compatible</c> below 1.3: default width 18, precision width − 2
    /// (at most 16 unless left-justified), any given precision ignored.
    /// </summary>
    LegacyPointer,

    /// <summary><c>%c</c>.</summary>
    Char,

    /// <summary><c>%s</c>.</summary>
    String,

    /// <summary><c>%b</c>: raw little-endian bytes.</summary>
    Binary,

    /// <summary><c>%m</c>: raw bytes read from memory.</summary>
    Memory,

    /// <summary><c>%M</c>: memory bytes as lowercase hex.</summary>
    MemoryHex,
}
