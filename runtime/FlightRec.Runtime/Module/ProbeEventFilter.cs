namespace FlightRec.Runtime.Module;

/// <summary>
/// A test a probe's handler makes on every event before doing anything else (<c>if (pid() == 42)
/// …</c>), found by the compiler so that the kernel can drop the events the handler would ignore
/// (LANGUAGE.md §8.3: filter in the kernel). The handler still makes the test itself, so a runtime
/// that cannot filter loses nothing but time.
/// </summary>
public sealed record ProbeEventFilter(ProbeFilterSubject Subject, bool Equal, long Number, string Text = "");
