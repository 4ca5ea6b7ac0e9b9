namespace FlightRec.Runtime.Providers.Perf;

/// <summary>Which tasks a <c>perf.type(T).config(C)</c> probe samples.</summary>
public enum PerfProcessScope
{
    /// <summary>Every task on every CPU (no <c>.process</c>).</summary>
    SystemWide,

    /// <summary><c>.process</c> without a path: the -c/-x target and the tasks it creates.</summary>
    Target,

    /// <summary><c>.process("PATH")</c>: tasks running that executable.</summary>
    Executable,
}
