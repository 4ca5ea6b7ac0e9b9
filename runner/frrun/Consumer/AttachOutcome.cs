namespace FlightRec.Runner.Consumer;

/// <summary>How claiming the consumer role ended.</summary>
internal enum AttachOutcome
{
    Attached,

    /// <summary>Another consumer holds it, or the host refused this user (already reported).</summary>
    Refused,

    /// <summary>The connection broke: the host may be exiting after its module stopped on its own.</summary>
    Lost,
}
