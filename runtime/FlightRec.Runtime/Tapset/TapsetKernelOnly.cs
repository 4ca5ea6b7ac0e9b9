using FlightRec.Runtime.Execution;

namespace FlightRec.Runtime.Tapset;

/// <summary>
/// Tapset functions stap implements inside the kernel (writing kernel memory, printk, task
/// namespaces). FlightRec keeps their names so scripts written for stap pass the same checks
/// (guru mode required), but a user-space tracer cannot perform them: calling one is a script
/// error that says so.
/// </summary>
public static class TapsetKernelOnly
{
    public static ScriptError Unavailable(string function) =>
        new($"{function} is kernel-only and not available in FlightRec (no kernel modules)");
}
