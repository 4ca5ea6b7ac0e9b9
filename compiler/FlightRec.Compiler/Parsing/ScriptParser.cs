using System.Collections.Immutable;
using Antlr4.Runtime;
using Antlr4.Runtime.Atn;
using FlightRec.Compiler.Diagnostics;
using FlightRec.Compiler.Parsing.Generated;
using FlightRec.Compiler.Syntax;

namespace FlightRec.Compiler.Parsing;

/// <summary>
/// Pass 1 for one file: lexer (with argument splicing) → preprocessor → parser → AST.
/// Syntax errors end the current declaration; parsing resumes at the next
/// <c>probe</c>, <c>global</c>, <c>private</c>, <c>function</c> or <c>%{</c>, so one run
/// reports every independent error, as stap does.
/// </summary>
public static class ScriptParser
{
    /// <param name="privileged">Tapset and -I files may use embedded code without -g.</param>
    public static ParseResult Parse(SourceFile file, ParseOptions options, bool privileged = false)
    {
        var diagnostics = new DiagnosticBag();
        var tokens = TokenReader.Read(file, options.Arguments);
        var preprocessor = new Preprocessor(options, diagnostics);
        var parserTokens = preprocessor.Run(tokens);
        if (diagnostics.HasErrors)
        {
            return new ParseResult(null, diagnostics.Items);
        }

        if (parserTokens.Count <= 1)
        {
            diagnostics.Add(Diagnostic.Plain(preprocessor.SawTokens
                ? $"Input file '{file.Name}' is empty after preprocessing."
                : $"Input file '{file.Name}' is empty."));
            return new ParseResult(null, diagnostics.Items);
        }

        var declarations = ParseDeclarations(file, parserTokens, privileged || options.Guru,
            options.CompatibleVersion, diagnostics);
        var script = diagnostics.HasErrors ? null : new ScriptFile(file, declarations, privileged);
        return new ParseResult(script, diagnostics.Items);
    }

    private static ImmutableArray<Declaration> ParseDeclarations(SourceFile file, List<FrsToken> tokens,
        bool privileged, string compatibleVersion, DiagnosticBag diagnostics)
    {
        var stream = new CommonTokenStream(new ListTokenSource(tokens.Cast<IToken>().ToList()));
        var parser = new FrsParser(stream, TextWriter.Null, TextWriter.Null)
        {
            ErrorHandler = new FirstErrorStrategy(),
            BuildParseTree = true,
            LegacyTernaryFalseBranch = Preprocessing.VersionCompare.Compare(compatibleVersion, "4.0") < 0,
        };
        parser.RemoveErrorListeners();
        var builder = new AstBuilder(privileged, compatibleVersion);
        var declarations = ImmutableArray.CreateBuilder<Declaration>();

        while (stream.LA(1) != TokenConstants.EOF)
        {
            int start = stream.Index;
            try
            {
                var ctx = ParseToplevel(parser, stream, start);
                declarations.Add(builder.Toplevel(ctx));
                continue;
            }
            catch (SyntaxErrorException e)
            {
                diagnostics.Add(SyntaxError(file, e));
            }
            catch (BuildErrorException e)
            {
                diagnostics.Add(e.Diagnostic);
                int end = stream.Index;
                if (end > start)
                {
                    // The declaration was read whole; carry on after it.
                    parser.Reset();
                    stream.Seek(end);
                    continue;
                }
            }

            Resynchronise(parser, stream, start);
        }

        return declarations.ToImmutable();
    }

    // Two-stage prediction, as ANTLR recommends: SLL is several times faster (statements
    // need no separator, so full-context lookahead is otherwise needed at every statement
    // boundary), and only input that SLL rejects is parsed again with full LL, so the
    // accepted language and every error message are those of LL.
    private static FrsParser.ToplevelContext ParseToplevel(FrsParser parser, CommonTokenStream stream, int start)
    {
        parser.Interpreter.PredictionMode = PredictionMode.SLL;
        try
        {
            return parser.toplevel();
        }
        catch (SyntaxErrorException)
        {
            parser.Reset();
            stream.Seek(start);
            parser.Interpreter.PredictionMode = PredictionMode.LL;
            return parser.toplevel();
        }
    }

    // Skip to the next token that can start a declaration, always making progress.
    private static void Resynchronise(FrsParser parser, CommonTokenStream stream, int start)
    {
        int index = Math.Max(stream.Index, start + 1);
        parser.Reset();
        stream.Seek(index);
        while (stream.LA(1) is not (TokenConstants.EOF or FrsParser.PROBE or FrsParser.GLOBAL or FrsParser.PRIVATE
               or FrsParser.FUNCTION or FrsParser.EMBEDDED))
        {
            stream.Consume();
        }
    }

    private static Diagnostic SyntaxError(SourceFile file, SyntaxErrorException e)
    {
        var token = e.Offending;
        if (token.JunkMessage is { } junk)
        {
            return Diagnostic.ParseError(junk, token.Span, TokenNames.Describe(token), namesToken: true,
                chain: ExpansionChain.Of(token));
        }

        string message = e.Cause switch
        {
            NoViableAltException or InputMismatchException when e.Cause.GetExpectedTokens() is { } expected =>
                ExpectedTokensMessage.For(expected),
            FailedPredicateException => "expected one of ', { } = +='",
            _ => "syntax error",
        };

        if (token.Type == TokenConstants.EOF)
        {
            return Diagnostic.ParseError(message, null, $"{file.Name} EOF");
        }

        return Diagnostic.ParseError(message, token.Span, TokenNames.Describe(token), namesToken: false,
            chain: ExpansionChain.Of(token));
    }
}
