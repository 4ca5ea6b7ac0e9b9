using FlightRec.Runtime.Providers.Tracepoints;

namespace FlightRec.Runtime.Providers.Processes;

/// <summary>
/// Where the fields process probes read are in this kernel's records: task:task_newtask (child
/// pid, comm, clone_flags), sched:sched_process_exec (filename) and sched:sched_process_exit
/// (comm, group_dead — absent before Linux 6.x, when the exit of the thread-group leader stands for
/// the process's).
/// </summary>
public sealed record ProcessEventFormats(
    TracepointFormat NewTask,
    TracepointField ChildPid,
    TracepointField ChildComm,
    TracepointField CloneFlags,
    TracepointFormat Exec,
    TracepointField Filename,
    TracepointFormat Exit,
    TracepointField ExitComm,
    TracepointField? GroupDead)
{
    public const string NewTaskEvent = "task:task_newtask";
    public const string ExecEvent = "sched:sched_process_exec";
    public const string ExitEvent = "sched:sched_process_exit";

    /// <summary>The three formats; <see cref="TracefsException"/> with the missing event or field.</summary>
    public static ProcessEventFormats From(TracefsCatalogue tracefs)
    {
        var newTask = tracefs.Format(NewTaskEvent);
        var exec = tracefs.Format(ExecEvent);
        var exit = tracefs.Format(ExitEvent);
        return new ProcessEventFormats(
            newTask,
            Required(newTask, "pid"),
            Required(newTask, "comm"),
            Required(newTask, "clone_flags"),
            exec,
            Required(exec, "filename"),
            exit,
            Required(exit, "comm"),
            exit.Field("group_dead"));
    }

    private static TracepointField Required(TracepointFormat format, string name) =>
        format.Field(name) ?? throw new TracefsException($"tracepoint {format.FullName} has no field '{name}' in this kernel");
}
