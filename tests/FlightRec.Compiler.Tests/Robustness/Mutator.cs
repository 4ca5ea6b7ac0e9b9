using System.Text;

namespace FlightRec.Compiler.Tests.Robustness;

/// <summary>Applies a case's mutations to its input and returns the source text to parse.</summary>
internal static class Mutator
{
    /// <summary>Text spliced in at a random character: each opens something the lexer or preprocessor must close.</summary>
    public static readonly string[] SpecialText =
        ["%(", "%{", "\"", "@define", "$1", "%)", "%?", "%:", "%}", "/*", "#", "\\", "@", "$", "\n", "'", "\0", "\u00ff"];

    public static string Apply(FuzzCorpus corpus, FuzzCase fuzzCase)
    {
        var input = corpus.Inputs[fuzzCase.InputIndex];
        var tokens = new List<(string Gap, string Text)>(input.Tokens);
        foreach (var m in fuzzCase.Mutations)
        {
            int n = tokens.Count;
            switch (m.Kind)
            {
                case MutationKind.DropToken when n > 0:
                    tokens.RemoveAt(m.Position % n);
                    break;
                case MutationKind.DuplicateToken when n > 0:
                    tokens.Insert(m.Position % n + 1, tokens[m.Position % n]);
                    break;
                case MutationKind.SwapTokens when n > 0:
                    (tokens[m.Position % n], tokens[m.Operand % n]) = (tokens[m.Operand % n], tokens[m.Position % n]);
                    break;
                case MutationKind.InsertToken:
                    tokens.Insert(m.Position % (n + 1), (" ", corpus.Vocabulary[m.Operand % corpus.Vocabulary.Count]));
                    break;
            }
        }

        var text = new StringBuilder();
        foreach (var (gap, token) in tokens)
        {
            text.Append(gap).Append(token);
        }

        text.Append(input.Tail);
        foreach (var m in fuzzCase.Mutations)
        {
            switch (m.Kind)
            {
                case MutationKind.CutText:
                    text.Length = m.Position % (text.Length + 1);
                    break;
                case MutationKind.InsertText:
                    text.Insert(m.Position % (text.Length + 1), SpecialText[m.Operand % SpecialText.Length]);
                    break;
            }
        }

        return text.ToString();
    }
}
