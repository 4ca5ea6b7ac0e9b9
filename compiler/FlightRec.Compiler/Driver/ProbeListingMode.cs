namespace FlightRec.Compiler.Driver;

/// <summary>stap's -l (points) and -L (points with their variables).</summary>
public enum ProbeListingMode
{
    None,
    Points,
    WithVariables,
}
