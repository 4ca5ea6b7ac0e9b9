namespace FlightRec.Runtime.Providers.Perf;

/// <summary>What <see cref="PerfRecordDecoder.Decode"/> made of one record.</summary>
public enum PerfRecordKind
{
    Sample,
    Lost,

    /// <summary>A record type the decoder does not deliver (throttle notices and the like).</summary>
    Other,

    /// <summary>A sample or lost record shorter than its layout, or raw data running past the record.</summary>
    Malformed,
}
