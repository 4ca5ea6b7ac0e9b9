namespace FlightRec.Compiler.Tests.Golden;

/// <summary>What one in-process frstap run printed and returned.</summary>
internal sealed record FrstapOutcome(int ExitCode, string Stdout, string Stderr);
