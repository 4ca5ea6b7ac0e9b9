using CsCheck;

namespace FlightRec.Compiler.Tests.Robustness;

/// <summary>The CsCheck generator of fuzz cases over a corpus.</summary>
internal static class FuzzCaseGen
{
    private const int MaxRaw = 1 << 20;

    // Token edits are the point; character edits are a few percent of them, as they mostly
    // end in the same lexer errors.
    private static readonly MutationKind[] KindWeights =
    [
        MutationKind.DropToken, MutationKind.DropToken, MutationKind.DropToken, MutationKind.DropToken,
        MutationKind.DuplicateToken, MutationKind.DuplicateToken, MutationKind.DuplicateToken,
        MutationKind.SwapTokens, MutationKind.SwapTokens, MutationKind.SwapTokens,
        MutationKind.InsertToken, MutationKind.InsertToken, MutationKind.InsertToken, MutationKind.InsertToken,
        MutationKind.CutText, MutationKind.InsertText,
    ];

    public static Gen<FuzzCase> For(FuzzCorpus corpus)
    {
        var mutation = Gen.Select(Gen.Int[0, KindWeights.Length - 1], Gen.Int[0, MaxRaw], Gen.Int[0, MaxRaw],
            (kind, position, operand) => new Mutation(KindWeights[kind], position, operand));
        return Gen.Select(Gen.Int[0, corpus.Inputs.Count - 1], Gen.Bool, mutation.Array[1, 4],
            (input, guru, mutations) => new FuzzCase(input, guru, mutations));
    }
}
