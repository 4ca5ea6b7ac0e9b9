using System.Globalization;
using System.Text;
using Antlr4.Runtime;
using FlightRec.Compiler.Diagnostics;
using FlightRec.Compiler.Parsing.Generated;

namespace FlightRec.Compiler.Parsing;

/// <summary>
/// Runs the ANTLR lexer over one file and splices command-line arguments the way
/// stap's lexer does: <c>$N</c> becomes the tokens of argument N's text, <c>@N</c> a
/// string literal holding it, <c>$#</c>/<c>@#</c> the argument count. A reference to a
/// missing argument becomes a junk token, which is an error only if the parser meets it
/// (a skipped conditional branch may name arguments that are not there).
/// </summary>
internal static class TokenReader
{
    /// <summary>All tokens of <paramref name="file"/>, ending with EOF.</summary>
    public static List<FrsToken> Read(SourceFile file, IReadOnlyList<string> arguments)
    {
        var tokens = new List<FrsToken>();
        LexInto(tokens, file, file.Text, arguments, site: null);
        return tokens;
    }

    private static void LexInto(List<FrsToken> tokens, SourceFile file, string text, IReadOnlyList<string>? arguments,
        FrsToken? site)
    {
        var lexer = new FrsLexer(new AntlrInputStream(text)) { TokenFactory = new FrsTokenFactory(file) };
        lexer.RemoveErrorListeners();
        int previousStop = -1;
        bool first = true;
        while (true)
        {
            var token = (FrsToken)lexer.NextToken();
            token.SpaceBefore = token.StartIndex != previousStop + 1;
            previousStop = token.StopIndex;
            if (site is not null)
            {
                if (token.Type == FrsLexer.Eof)
                {
                    return;
                }

                // Tokens of a spliced argument stand where the $N stood.
                var placed = new FrsToken(token.Type, token.Text, site.File, site.StartIndex, site.StopIndex, site.Line,
                    site.Column)
                {
                    SpaceBefore = first ? site.SpaceBefore : token.SpaceBefore,
                    ExpandedFrom = site,
                    JunkMessage = token.JunkMessage,
                };
                first = false;
                if (token.Type is FrsLexer.ARG or FrsLexer.ARG_STR or FrsLexer.ARG_COUNT or FrsLexer.ARG_COUNT_STR)
                {
                    placed = placed.With(FrsLexer.JUNK, token.Text);
                    placed.JunkMessage = "invalid nested substitution of command line arguments";
                }

                tokens.Add(placed);
                continue;
            }

            switch (token.Type)
            {
                case FrsLexer.ARG:
                case FrsLexer.ARG_STR:
                    SpliceArgument(tokens, token, arguments!);
                    break;
                case FrsLexer.ARG_COUNT:
                    tokens.Add(token.With(FrsLexer.NUMBER, arguments!.Count.ToString(CultureInfo.InvariantCulture)));
                    break;
                case FrsLexer.ARG_COUNT_STR:
                    tokens.Add(token.With(FrsLexer.STRING, Quote(arguments!.Count.ToString(CultureInfo.InvariantCulture))));
                    break;
                case FrsLexer.UNCLOSED_STRING:
                    token.JunkMessage = "Could not find matching closing quote";
                    tokens.Add(token);
                    break;
                case FrsLexer.UNCLOSED_EMBEDDED:
                    token.JunkMessage = "Could not find matching '%}' to close embedded function block";
                    tokens.Add(token);
                    break;
                default:
                    tokens.Add(token);
                    break;
            }

            if (token.Type == FrsLexer.Eof)
            {
                return;
            }
        }
    }

    private static void SpliceArgument(List<FrsToken> tokens, FrsToken token, IReadOnlyList<string> arguments)
    {
        bool ok = int.TryParse(token.Text.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out int index);
        if (!ok || index < 1 || index > arguments.Count)
        {
            var junk = token.With(FrsLexer.JUNK, token.Text);
            junk.JunkMessage = $"command line argument out of range [1-{arguments.Count}]";
            tokens.Add(junk);
            return;
        }

        string argument = arguments[index - 1];
        if (token.Type == FrsLexer.ARG_STR)
        {
            tokens.Add(token.With(FrsLexer.STRING, Quote(argument)));
            return;
        }

        LexInto(tokens, token.File, argument, null, token);
    }

    /// <summary>A string literal token's text for <paramref name="value"/>: quotes and backslashes escaped.</summary>
    public static string Quote(string value)
    {
        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\t': sb.Append("\\t"); break;
                case '\r': sb.Append("\\r"); break;
                default: sb.Append(c); break;
            }
        }

        return sb.Append('"').ToString();
    }
}
