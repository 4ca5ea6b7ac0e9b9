using FlightRec.Compiler.Diagnostics;
using FlightRec.Compiler.Syntax;

namespace FlightRec.Compiler.Parsing;

/// <summary>The outcome of pass 1 for one file: a tree when there were no errors, and every diagnostic.</summary>
public sealed record ParseResult(ScriptFile? Script, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Succeeded => Script is not null;

    /// <summary>Number of parse errors, for stap's "N parse error(s)." line.</summary>
    public int ErrorCount => Diagnostics.Count(d => d.IsError && d.Kind == "parse error");
}
