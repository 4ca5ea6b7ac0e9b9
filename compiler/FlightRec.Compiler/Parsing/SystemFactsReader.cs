namespace FlightRec.Compiler.Parsing;

// PLACEHOLDER owned by the preprocessor work: replaced by the real reader.
internal static class SystemFactsReader
{
    public static SystemFacts Read() => new("6.1.0", "x86_64", new Dictionary<string, string>());
}
