namespace FlightRec.Compiler.Building;

/// <summary>
/// Pass 4 as the driver runs it: the generated C# goes into the run's work directory (so -k can
/// show it), then the module comes from the cache when an entry for exactly this input exists,
/// else from Roslyn, and is stored for next time. A Roslyn error is reported as an internal error
/// naming the kept generated file — never swallowed, never shown as the user's mistake.
/// </summary>
public sealed class ModuleBuildPass(ModuleBuilder builder, ModuleCache? cache)
{
    public ModuleBuildOutcome Run(ModuleSource source, ModuleBuildOptions options, ModuleWorkDirectory work)
    {
        string generated = work.WriteFile(source.ModuleName + ".cs", source.Text);
        string? key = cache is null ? null : ModuleCacheKey.Compute(source, options, builder.RuntimeAssemblyPath);
        if (cache is not null && key is not null && cache.TryLoad(key) is { } cached)
        {
            return new ModuleBuildOutcome
            {
                Image = cached,
                GeneratedSourcePath = generated,
                Cache = CacheStatus.Hit,
                CacheEntryPath = cache.EntryPath(key),
                CacheKey = key,
            };
        }

        var result = builder.Build(source, options);
        if (!result.Succeeded)
        {
            work.Keep();
            return new ModuleBuildOutcome
            {
                GeneratedSourcePath = generated,
                InternalError = options.ContainsUserCode
                    ? UserCodeReport(source.ModuleName, generated, result.Errors)
                    : InternalErrorReport(source.ModuleName, generated, result.Errors),
            };
        }

        bool stored = cache is not null && key is not null && cache.Store(key, result.Image!);
        return new ModuleBuildOutcome
        {
            Image = result.Image,
            GeneratedSourcePath = generated,
            Cache = cache is null ? CacheStatus.Disabled : CacheStatus.Miss,
            CacheEntryPath = stored ? cache!.EntryPath(key!) : null,
            CacheKey = stored ? key : null,
        };
    }

    private static IReadOnlyList<string> UserCodeReport(string moduleName, string generated, IReadOnlyList<GeneratedCodeError> errors) =>
    [
        $"frstap: the C# of module {moduleName} does not compile (check the embedded %{{ %}} code)",
        .. errors.Select(error => error.Format(generated)),
        $"frstap: the generated C# is kept in {generated}",
    ];

    private static IReadOnlyList<string> InternalErrorReport(string moduleName, string generated, IReadOnlyList<GeneratedCodeError> errors) =>
    [
        $"frstap: internal error: the C# generated for module {moduleName} does not compile (a bug in frstap, not in the script)",
        .. errors.Select(error => error.Format(generated)),
        $"frstap: the generated C# is kept in {generated}",
    ];
}
