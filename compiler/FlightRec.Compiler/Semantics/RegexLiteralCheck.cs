using FlightRec.Compiler.Syntax;
using FlightRec.Runtime.Tapset;

namespace FlightRec.Compiler.Semantics;

/// <summary>
/// stap compiles every <c>=~</c>/<c>!~</c> literal in pass 2, after type inference (gen_dfa_table):
/// probe by probe, each body with the functions it calls (each function once, after the call's
/// arguments), a match's subject before its pattern. A bad literal ends its probe's walk with
/// one error; the next probe is still walked. A literal already compiled is not compiled again.
/// </summary>
internal static class RegexLiteralCheck
{
    public static void Run(SemanticContext context)
    {
        var walked = new HashSet<FunctionSymbol>(ReferenceEqualityComparer.Instance);
        var compiled = new HashSet<string>(StringComparer.Ordinal);
        foreach (var probe in context.Probes.DistinctBy(p => p.Scope, ReferenceEqualityComparer.Instance))
        {
            try
            {
                foreach (var body in probe.Bodies)
                {
                    Walk(context, body, walked, compiled);
                }
            }
            catch (BadLiteral bad)
            {
                context.Error(bad.Error.Report, bad.Pattern);
            }
        }
    }

    private static void Walk(SemanticContext context, Node node, HashSet<FunctionSymbol> walked, HashSet<string> compiled)
    {
        foreach (var child in SyntaxChildren.Of(node))
        {
            Walk(context, child, walked, compiled);
        }

        switch (node)
        {
            case RegexMatch match when !compiled.Contains(match.Pattern.Text):
                try
                {
                    RegexLiteralSyntax.Check(match.Pattern.Text);
                }
                catch (ScriptRegexException e)
                {
                    throw new BadLiteral(match.Pattern, e);
                }

                compiled.Add(match.Pattern.Text);
                break;
            case FunctionCall call when context.Calls.TryGetValue(call, out var function)
                && function.Declaration?.Body is Block body && walked.Add(function):
                Walk(context, body, walked, compiled);
                break;
        }
    }

    private sealed class BadLiteral(StringLiteral pattern, ScriptRegexException error) : Exception(error.Message)
    {
        public StringLiteral Pattern { get; } = pattern;

        public ScriptRegexException Error { get; } = error;
    }
}
