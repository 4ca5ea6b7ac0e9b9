namespace FlightRec.Runtime.Transport;

/// <summary>
/// What a full ring does with a new record: overwrite keeps the newest data (flight-recorder
/// mode, frstap -O, frrun -L), discard keeps the oldest and counts what it drops.
/// </summary>
public enum RingPolicy
{
    Discard = 0,
    Overwrite = 1,
}
