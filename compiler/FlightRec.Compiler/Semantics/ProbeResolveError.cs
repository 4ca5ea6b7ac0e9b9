using FlightRec.Compiler.Syntax;

namespace FlightRec.Compiler.Semantics;

/// <summary>A resolution failure; <see cref="At"/> is null for a family's own complaint (no token, as in stap).</summary>
internal class ProbeResolveError(string message, ProbePointComponent? at) : Exception(message)
{
    public ProbePointComponent? At { get; } = at;
}

/// <summary>Never swallowed by wildcard or optional matching, so a loop is always reported.</summary>
internal sealed class RecursiveAliasError(string message, ProbePointComponent? at) : ProbeResolveError(message, at);
