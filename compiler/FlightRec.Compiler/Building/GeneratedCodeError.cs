namespace FlightRec.Compiler.Building;

/// <summary>
/// One Roslyn diagnostic against generated C#: a compiler bug, so it is located in the generated
/// file itself (1-based line and column, ignoring <c>#line</c>), with the script location the
/// <c>#line</c> directives map it to when there is one, as a hint at which construct was mistranslated.
/// </summary>
public sealed record GeneratedCodeError(int Line, int Column, string Severity, string Id, string Message, string? ScriptLocation)
{
    /// <summary>"FILE:LINE:COLUMN: error CSnnnn: message [from script.frs:3:5]".</summary>
    public string Format(string generatedFilePath)
    {
        string hint = ScriptLocation is null ? "" : $" [from {ScriptLocation}]";
        return $"{generatedFilePath}:{Line}:{Column}: {Severity} {Id}: {Message}{hint}";
    }
}
