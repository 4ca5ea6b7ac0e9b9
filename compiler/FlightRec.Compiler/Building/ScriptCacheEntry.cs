namespace FlightRec.Compiler.Building;

/// <summary>
/// One script cache entry: the module it built (name and <see cref="ModuleCache"/> key) and the
/// warnings and notes passes 1–4 printed, replayed on a hit so a cached run looks like a fresh one.
/// </summary>
public sealed record ScriptCacheEntry(string ModuleName, string ModuleKey, string Diagnostics);
