namespace FlightRec.Runtime.Host;

/// <summary>The host's answer to <c>attach</c>: the claim was granted, or another live consumer (BusyPid) holds it.</summary>
public sealed record AttachResult(bool Ok, int BusyPid);
