using System.Collections.Frozen;

namespace FlightRec.Compiler.Semantics;

/// <summary>
/// What stap's optimizer knows about the tapset functions the catalogue offers: which ones have
/// side effects (their embedded C is not tagged <c>/* pure */</c>, or they call such code), and
/// which are tagged <c>/* stable */</c> (same value for the whole probe, so stap caches the result
/// in a local). Checked against stap 4.8 (tapset/context.stp, tapset/linux/context.stp, pn.stp).
/// </summary>
public static class BuiltinEffects
{
    private static readonly FrozenSet<string> Impure = FrozenSet.Create(StringComparer.Ordinal,
        "exit", "abort", "error", "warn", "log", "assert", "env_var", "randint", "tokenize");

    private static readonly FrozenSet<string> Stable = FrozenSet.Create(StringComparer.Ordinal,
        "addr", "cpu", "egid", "euid", "execname", "gid", "is_myproc", "is_return", "module_name", "ns_egid",
        "ns_euid", "ns_gid", "ns_pgrp", "ns_pid", "ns_ppid", "ns_sid", "ns_tid", "ns_uid", "pexecname", "pgrp",
        "pn", "pnlabel", "pp", "ppfunc", "ppid", "probe_type", "probefunc", "probemod", "registers_valid", "sid",
        "sprint_loadavg", "stack_size", "stack_unused", "stack_used", "stp_pid", "uaddr", "uid", "user_mode");

    public static bool HasSideEffects(FunctionSymbol builtin) => Impure.Contains(builtin.Name);

    /// <summary>A zero-argument <c>/* stable */</c> function, whose calls stap's opt7 caches.</summary>
    public static bool IsStable(FunctionSymbol builtin) => builtin.IsBuiltin && builtin.Arity == 0 && Stable.Contains(builtin.Name);
}
