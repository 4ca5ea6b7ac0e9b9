namespace FlightRec.Compiler.Tests.Robustness;

/// <summary>One generated case: which input to mutate, in guru mode or not, and the edits.</summary>
internal sealed record FuzzCase(int InputIndex, bool Guru, Mutation[] Mutations)
{
    public override string ToString() =>
        $"input #{InputIndex}, guru={Guru}, mutations=[{string.Join(", ", Mutations)}]";
}
