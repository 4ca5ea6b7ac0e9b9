namespace FlightRec.Compiler.Building;

/// <summary>How the module cache served one build, for -v.</summary>
public enum CacheStatus
{
    /// <summary>No cache: no $XDG_CACHE_HOME or $HOME, or the build failed before it could be stored.</summary>
    Disabled,

    /// <summary>The module was built and (if the cache was writable) stored.</summary>
    Miss,

    /// <summary>The module came from the cache without running Roslyn.</summary>
    Hit,
}
