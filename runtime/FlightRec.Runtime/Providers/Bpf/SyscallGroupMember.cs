namespace FlightRec.Runtime.Providers.Bpf;

/// <summary>
/// One probe of a grouped syscall program: the system call <paramref name="Number"/> raw_syscalls
/// reports for it and the spec its own sys_enter_X/sys_exit_X capture would have had.
/// </summary>
public sealed record SyscallGroupMember(int Number, TracepointCaptureSpec Spec)
{
    public int ProbeIndex => Spec.ProbeIndex;
}
