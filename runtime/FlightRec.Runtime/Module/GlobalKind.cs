namespace FlightRec.Runtime.Module;

public enum GlobalKind
{
    Long,
    String,
    Statistics,
    Array,
}
