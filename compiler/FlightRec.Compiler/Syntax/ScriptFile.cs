using System.Collections.Immutable;
using FlightRec.Compiler.Diagnostics;

namespace FlightRec.Compiler.Syntax;

/// <summary>One parsed file: its top-level declarations in source order.</summary>
public sealed record ScriptFile(SourceFile Source, ImmutableArray<Declaration> Declarations, bool Privileged)
{
    public IEnumerable<ProbeDeclaration> Probes => Declarations.OfType<ProbeDeclaration>();

    public IEnumerable<GlobalDeclaration> Globals => Declarations.OfType<GlobalDeclaration>();

    public IEnumerable<FunctionDeclaration> Functions => Declarations.OfType<FunctionDeclaration>();
}
