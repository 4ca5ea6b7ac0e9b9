namespace FlightRec.Compiler.Building;

/// <summary>
/// One generated C# file (pass 3's output) and the module it becomes.
/// <see cref="ClaimedPath"/> is the path the file is compiled under: it names the file in
/// Roslyn's diagnostics and in the embedded PDB. Keep it free of temporary directories
/// (e.g. just "NAME.cs") so the same script builds byte-identical assemblies run after run;
/// the <c>#line</c> directives inside the text map handlers back to the .frs sources anyway.
/// </summary>
public sealed record ModuleSource(string Text, string ModuleName, string ClaimedPath)
{
    /// <summary>The conventional claimed path for module <paramref name="moduleName"/>: NAME.cs.</summary>
    public static ModuleSource ForModule(string text, string moduleName) => new(text, moduleName, moduleName + ".cs");
}
