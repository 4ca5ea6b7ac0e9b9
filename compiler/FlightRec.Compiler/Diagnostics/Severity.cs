namespace FlightRec.Compiler.Diagnostics;

public enum Severity
{
    Warning,
    Error,
}
