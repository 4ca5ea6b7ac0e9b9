namespace FlightRec.Runtime.Tests.Conformance;

/// <summary>What one in-process run of a conformance module printed.</summary>
internal sealed record ConformanceResult(byte[] Stdout, string Stderr);
