using Antlr4.Runtime;
using Antlr4.Runtime.Atn;

namespace FlightRec.Compiler.Parsing;

/// <summary>
/// An error strategy that never repairs input: every mismatch, including one found
/// early by <see cref="Sync"/> at a loop or block entry (which gives the fullest set of
/// expected tokens), ends the declaration with a <see cref="SyntaxErrorException"/>.
/// </summary>
internal sealed class FirstErrorStrategy : DefaultErrorStrategy
{
    public override void ReportError(Parser recognizer, RecognitionException e)
    {
        // Reported by the parse driver from the exception thrown in Recover.
    }

    public override void Recover(Parser recognizer, RecognitionException e) =>
        throw new SyntaxErrorException(e, (FrsToken)(e.OffendingToken ?? recognizer.CurrentToken));

    public override IToken RecoverInline(Parser recognizer)
    {
        var e = new InputMismatchException(recognizer);
        throw new SyntaxErrorException(e, (FrsToken)recognizer.CurrentToken);
    }

    public override void Sync(Parser recognizer)
    {
        var state = recognizer.Interpreter.atn.states[recognizer.State];
        int la = recognizer.InputStream.LA(1);
        var next = recognizer.Atn.NextTokens(state);
        if (next.Contains(la) || next.Contains(TokenConstants.EPSILON))
        {
            return;
        }

        switch (state.StateType)
        {
            case StateType.BlockStart:
            case StateType.StarBlockStart:
            case StateType.PlusBlockStart:
            case StateType.StarLoopEntry:
            case StateType.PlusLoopBack:
            case StateType.StarLoopBack:
                throw new SyntaxErrorException(new InputMismatchException(recognizer), (FrsToken)recognizer.CurrentToken);
        }
    }
}
