namespace FlightRec.Compiler.Tests.Robustness;

/// <summary>
/// One edit of a corpus file. Positions and operands are raw non-negative numbers reduced
/// modulo the size they index when applied, so a case stays valid for any file and CsCheck
/// can shrink them toward 0 (the start of the file, the first special token).
/// </summary>
internal readonly record struct Mutation(MutationKind Kind, int Position, int Operand)
{
    public override string ToString() => $"{Kind}({Position}, {Operand})";
}
