namespace FlightRec.Runtime.Transport;

/// <summary>What a crashed writer left just after the last published record.</summary>
internal enum BeyondHead
{
    Nothing,
    Recovered,
    Torn,
}
