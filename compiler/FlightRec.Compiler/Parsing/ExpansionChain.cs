using FlightRec.Compiler.Diagnostics;
using FlightRec.Compiler.Parsing.Generated;

namespace FlightRec.Compiler.Parsing;

/// <summary>The macro invocations a token was expanded from, innermost first, for "in expansion of macro".</summary>
internal static class ExpansionChain
{
    // A chain longer than this is cut: only runaway expansions get there.
    private const int MaxChain = 32;

    /// <summary>
    /// Command-line arguments are spliced text, not macros, and stap shows no chain for
    /// them, so the walk stops at one.
    /// </summary>
    public static IReadOnlyList<ExpansionSite>? Of(FrsToken token)
    {
        List<ExpansionSite>? chain = null;
        for (var site = token.ExpandedFrom; site is not null && site.Type is not (FrsLexer.ARG or FrsLexer.ARG_STR);
             site = site.ExpandedFrom)
        {
            chain ??= [];
            chain.Add(new ExpansionSite(site.Span, TokenNames.Describe(site)));
            if (chain.Count == MaxChain)
            {
                break;
            }
        }

        return chain;
    }
}
