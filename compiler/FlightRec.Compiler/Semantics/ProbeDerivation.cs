using System.Collections.Immutable;
using FlightRec.Compiler.Syntax;

namespace FlightRec.Compiler.Semantics;

/// <summary>What an expansion carries down: stap's derivation chain and the bodies around the probe's own.</summary>
internal sealed record ProbeDerivation(
    ImmutableList<string> Chain,
    ImmutableList<Block> Before,
    ImmutableList<Block> Bodies,
    ImmutableList<Block> After,
    ImmutableList<ProbeDeclaration> Aliases)
{
    /// <summary>The <c>if (...)</c> guards met on the way, all of which must hold (stap joins them with &amp;&amp;).</summary>
    public ImmutableList<Expression> Conditions { get; init; } = [];

    /// <summary>The name -l shows: set by the first alias expanded from the user's point.</summary>
    public string? ListedAs { get; init; }

    public bool Primary { get; init; } = true;
}
