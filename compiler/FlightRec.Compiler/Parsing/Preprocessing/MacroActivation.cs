namespace FlightRec.Compiler.Parsing.Preprocessing;

/// <summary>
/// One macro (or argument) being expanded: the preprocessor reads tokens from the
/// innermost activation until its body is used up, then returns to the one below.
/// Keeping activations on an explicit stack, rather than expanding recursively,
/// is what lets conditionals and @defines be handled lazily, token by token.
/// </summary>
internal sealed class MacroActivation(FrsToken site, MacroDefinition macro,
    IReadOnlyDictionary<string, MacroDefinition> parameters)
{
    /// <summary>The invocation token: expanded tokens remember it for "in expansion of macro".</summary>
    public FrsToken Site { get; } = site;

    public MacroDefinition Macro { get; } = macro;

    /// <summary>The parameters (arguments) visible inside this expansion.</summary>
    public IReadOnlyDictionary<string, MacroDefinition> Parameters { get; } = parameters;

    public int Cursor { get; set; }
}
