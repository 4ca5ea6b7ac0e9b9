namespace FlightRec.Compiler.Building;

/// <summary>What Roslyn made of one generated file: the assembly image, or the diagnostics that stopped it.</summary>
public sealed record ModuleBuildResult(byte[]? Image, IReadOnlyList<GeneratedCodeError> Errors)
{
    public bool Succeeded => Image is not null;

    public static ModuleBuildResult Success(byte[] image) => new(image, []);

    public static ModuleBuildResult Failure(IReadOnlyList<GeneratedCodeError> errors) => new(null, errors);
}
