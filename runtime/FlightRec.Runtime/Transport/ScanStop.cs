namespace FlightRec.Runtime.Transport;

/// <summary>Why a ring scan stopped.</summary>
internal enum ScanStop
{
    End,
    BatchFull,
    Invalid,
}
