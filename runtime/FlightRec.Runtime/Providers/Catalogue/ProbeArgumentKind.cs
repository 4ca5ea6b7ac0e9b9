namespace FlightRec.Runtime.Providers.Catalogue;

/// <summary>The literal a probe point component takes in parentheses, if any.</summary>
public enum ProbeArgumentKind
{
    None,
    Number,
    String,
}
