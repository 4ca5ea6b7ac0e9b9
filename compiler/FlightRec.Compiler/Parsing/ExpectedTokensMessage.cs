using Antlr4.Runtime;
using Antlr4.Runtime.Misc;
using FlightRec.Compiler.Parsing.Generated;

namespace FlightRec.Compiler.Parsing;

/// <summary>
/// Turns the set of tokens the parser could have accepted into the "expected …" text
/// stap prints at the same place, so that users (and stap's testsuite) see familiar messages.
/// </summary>
internal static class ExpectedTokensMessage
{
    public static string For(IntervalSet expected)
    {
        var set = new HashSet<int>(expected.ToList());
        set.Remove(TokenConstants.EPSILON);

        if (set.Contains(FrsParser.LBRACE) && set.Contains(FrsParser.ADD_ASSIGN) && set.Contains(FrsParser.COMMA))
        {
            return "expected one of ', { } = +='";
        }

        if (set.Contains(FrsParser.STAR) && set.Contains(FrsParser.LBRACE) && set.Contains(FrsParser.IDENT)
            && set.Contains(FrsParser.PROBE))
        {
            return "expected identifier or '*' or '{'";
        }

        if (set.Contains(FrsParser.PROBE) && set.Contains(FrsParser.GLOBAL) && set.Contains(FrsParser.FUNCTION)
            && !set.Contains(FrsParser.IDENT))
        {
            return "expected 'probe', 'global', 'private', 'function', or '%{'";
        }

        if (set.Contains(FrsParser.IDENT) && set.Contains(FrsParser.PROBE) && !set.Contains(FrsParser.NUMBER))
        {
            return "expected identifier or keyword";
        }

        if (set.SetEquals([FrsParser.STRING, FrsParser.MINUS, FrsParser.NUMBER]))
        {
            return "expected literal string or number";
        }

        if (set.SetEquals([FrsParser.MINUS, FrsParser.NUMBER]))
        {
            return "expected number";
        }

        if (set.Contains(FrsParser.NUMBER) && set.Contains(FrsParser.IDENT) && set.Contains(FrsParser.LPAREN))
        {
            return set.Contains(FrsParser.IF) ? "expected statement" : "expected expression";
        }

        var names = set.Order().Select(TokenNames.Expected).ToList();
        return names.Count switch
        {
            0 => "unexpected token",
            1 => "expected " + names[0],
            2 => $"expected {names[0]} or {names[1]}",
            _ => "expected one of " + string.Join(", ", names),
        };
    }
}
