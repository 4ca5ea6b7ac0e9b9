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

        if (set.Contains(FrsParser.LBRACE) && set.Contains(FrsParser.ADD_ASSIGN))
        {
            return "expected one of ', { } = +='";
        }

        // After a foreach source: optional slice, aggregate, sort and limit, then ')'.
        if (set.Contains(FrsParser.LIMIT) && set.Contains(FrsParser.RPAREN))
        {
            return "expected ')'";
        }

        // A function name may be followed by ':type' before '(', but stap names only '('.
        if (set.SetEquals([FrsParser.LPAREN, FrsParser.COLON]))
        {
            return "expected '('";
        }

        // First parameter or ')'; a foreach key or '['.
        if (set.SetEquals([FrsParser.IDENT, FrsParser.RPAREN]) || set.SetEquals([FrsParser.IDENT, FrsParser.LBRACKET]))
        {
            return "expected identifier";
        }

        if (set.SetEquals([FrsParser.IDENT, FrsParser.AT_HIST_LINEAR, FrsParser.AT_HIST_LOG]))
        {
            return "expected identifier or statistical operation";
        }

        if (set.Count == 2 && set.Contains(FrsParser.COMMA))
        {
            set.Remove(FrsParser.COMMA);
            return $"expected ',' or {TokenNames.Expected(set.Single())}";
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
            // Where a value is missing stap ends up in parse_literal, whatever the operator seen.
            return set.Contains(FrsParser.IF) ? "expected statement" : "expected literal string or number";
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
