using FlightRec.Compiler.Diagnostics;

namespace FlightRec.Compiler.Parsing;

/// <summary>The macro invocations a token was expanded from, innermost first, for "in expansion of macro".</summary>
internal static class ExpansionChain
{
    public static IReadOnlyList<SourceSpan>? Of(FrsToken token)
    {
        if (token.ExpandedFrom is null || token.ExpandedFrom.Type != Generated.FrsParser.AT_IDENT)
        {
            return null;
        }

        var chain = new List<SourceSpan>();
        for (var site = token.ExpandedFrom; site is not null && chain.Count < 16; site = site.ExpandedFrom)
        {
            chain.Add(site.Span);
        }

        return chain;
    }
}
