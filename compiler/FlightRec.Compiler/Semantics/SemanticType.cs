namespace FlightRec.Compiler.Semantics;

/// <summary>The value types of LANGUAGE.md §4.1; arrays are symbols with index types, not a type.</summary>
public enum SemanticType
{
    Unknown,
    Long,
    String,
    Stats,
}

public static class SemanticTypeNames
{
    /// <summary>The spelling stap uses in messages and in -p2 output.</summary>
    public static string Name(this SemanticType type) => type switch
    {
        SemanticType.Long => "long",
        SemanticType.String => "string",
        SemanticType.Stats => "stats",
        _ => "unknown",
    };
}
