namespace FlightRec.Conformance;

/// <summary>One manifest row, what frstap did with it, and the verdict.</summary>
internal sealed record CaseResult(ManifestRow Row, ProcessOutcome Outcome, Verdict Verdict);
