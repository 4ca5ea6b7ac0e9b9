namespace FlightRec.Runner.Tests;

/// <summary>A clock standing still at one instant, in a chosen time zone.</summary>
internal sealed class FixedClock(DateTimeOffset utcNow, TimeZoneInfo zone) : TimeProvider
{
    public FixedClock(DateTimeOffset utcNow) : this(utcNow, TimeZoneInfo.Utc)
    {
    }

    public DateTimeOffset UtcNow { get; set; } = utcNow;

    public override DateTimeOffset GetUtcNow() => UtcNow;

    public override TimeZoneInfo LocalTimeZone => zone;
}
