namespace FlightRec.Runner.CommandLine;

/// <summary>What one frrun invocation does.</summary>
internal enum FrrunMode
{
    /// <summary><c>frrun MODULE.dll</c>: launch a host and stream its output until the module exits.</summary>
    Run,

    /// <summary><c>-L</c>: launch a host and detach at once, leaving the module recording.</summary>
    LoadOnly,

    /// <summary><c>-A NAME</c>: attach to a loaded module and stream its output.</summary>
    Attach,

    /// <summary><c>-D NAME</c>: dump what the buffers retain without consuming it.</summary>
    Dump,

    /// <summary><c>-d NAME</c>: stop a module and remove its session.</summary>
    Delete,

    /// <summary><c>-l</c>/<c>--list</c>: list the sessions.</summary>
    List,
}
