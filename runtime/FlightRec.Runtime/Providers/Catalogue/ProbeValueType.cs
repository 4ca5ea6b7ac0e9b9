namespace FlightRec.Runtime.Providers.Catalogue;

/// <summary>The script type a context variable reads as.</summary>
public enum ProbeValueType
{
    Long,
    String,
}
