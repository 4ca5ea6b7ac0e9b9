using FlightRec.Compiler.Building;

namespace FlightRec.Compiler.Driver;

/// <summary>
/// A run that missed the script cache: records what passes 1–4 print on standard error (while
/// still printing it) and, once the module is built and cached, stores the entry that lets the
/// next identical run skip straight to pass 5.
/// </summary>
internal sealed class ScriptCacheWriter(ScriptCache cache, string key, TextWriter stderr)
{
    public RecordingWriter Recorder { get; } = new(stderr);

    public void Store(string moduleName, string moduleKey) =>
        cache.Store(key, new ScriptCacheEntry(moduleName, moduleKey, Recorder.Text));
}
