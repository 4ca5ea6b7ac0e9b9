namespace FlightRec.Compiler.Diagnostics;

/// <summary>A macro invocation that produced the token a diagnostic is about (stap's "in expansion of macro").</summary>
public readonly record struct ExpansionSite(SourceSpan Span, string Token);
