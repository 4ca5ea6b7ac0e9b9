namespace FlightRec.Compiler.Parsing;

// PLACEHOLDER owned by the preprocessor work: replaced by the real library loader.
public sealed class MacroLibrary
{
    public static MacroLibrary Empty { get; } = new();
}
