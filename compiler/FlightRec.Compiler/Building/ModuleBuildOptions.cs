namespace FlightRec.Compiler.Building;

/// <summary>
/// The settings that change the bytes Roslyn emits for a module. Everything here is part of the
/// cache key (see <see cref="CacheKeyText"/>): an option added here must be added there too.
/// Module options baked in from the command line (-O, -b, -s, -D) are not here: pass 3 writes
/// them into the generated source, which the cache key already covers.
/// </summary>
public sealed record ModuleBuildOptions
{
    public static ModuleBuildOptions Default { get; } = new();

    /// <summary>Release optimisation (the default); false builds Debug code for stepping through a module.</summary>
    public bool Optimize { get; init; } = true;

    /// <summary>
    /// Generated code is meant to compile cleanly, so by default a Roslyn warning is a compiler bug
    /// reported like an error. Guru-mode embedded C# written by a user may want this off.
    /// </summary>
    public bool WarningsAreErrors { get; init; } = true;

    /// <summary>
    /// The module holds guru-mode embedded C# written by the user: a Roslyn error is then more
    /// likely theirs than frstap's, and is reported as a compilation failure, not an internal error.
    /// </summary>
    public bool ContainsUserCode { get; init; }

    /// <summary>A stable one-line rendering of every option, hashed into the cache key.</summary>
    public string CacheKeyText => $"optimize={Optimize};warnaserror={WarningsAreErrors};usercode={ContainsUserCode}";
}
