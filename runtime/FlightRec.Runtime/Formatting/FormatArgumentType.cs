namespace FlightRec.Runtime.Formatting;

/// <summary>The script type a format argument must have: <c>%s</c> takes a string, everything else (and <c>*</c>) a long.</summary>
public enum FormatArgumentType : byte
{
    Long,
    String,
}
