namespace FlightRec.Compiler.Parsing.Preprocessing;

/// <summary>
/// A macro: <c>@define NAME(P1, …) %( BODY %)</c>, or one argument of an invocation.
/// An argument is a parameterless macro whose body is the argument's tokens; it is
/// expanded in the scope of the invocation that supplied it (<see cref="Scope"/>), so
/// that <c>@x</c> inside an argument means the caller's parameter <c>x</c>.
/// </summary>
internal sealed class MacroDefinition
{
    public static readonly IReadOnlyDictionary<string, MacroDefinition> NoParameters =
        new Dictionary<string, MacroDefinition>();

    public MacroDefinition(string name, FrsToken nameToken, string[] parameters, List<FrsToken> body)
    {
        Name = name;
        NameToken = nameToken;
        Parameters = parameters;
        Body = body;
    }

    public string Name { get; }

    /// <summary>The name in the definition (or, for an argument, the invocation): where errors point.</summary>
    public FrsToken NameToken { get; }

    public string[] Parameters { get; }

    public List<FrsToken> Body { get; }

    /// <summary>
    /// Set once the macro belongs to the macro library: its body then sees only other
    /// library macros, never the file-local macros of the file that invokes it.
    /// </summary>
    public bool IsLibrary { get; set; }

    /// <summary>For an argument: the parameters visible where it was written.</summary>
    public IReadOnlyDictionary<string, MacroDefinition>? Scope { get; init; }
}
