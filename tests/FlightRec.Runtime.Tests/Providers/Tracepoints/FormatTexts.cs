namespace FlightRec.Runtime.Tests.Providers.Tracepoints;

/// <summary>Format files in the kernel's exact layout (tabs, blank line after the common fields).</summary>
internal static class FormatTexts
{
    public const string CommonFields =
        "\tfield:unsigned short common_type;\toffset:0;\tsize:2;\tsigned:0;\n" +
        "\tfield:unsigned char common_flags;\toffset:2;\tsize:1;\tsigned:0;\n" +
        "\tfield:unsigned char common_preempt_count;\toffset:3;\tsize:1;\tsigned:0;\n" +
        "\tfield:int common_pid;\toffset:4;\tsize:4;\tsigned:1;\n" +
        "\n";

    public const string SchedSwitch =
        "name: sched_switch\n" +
        "ID: 372\n" +
        "format:\n" +
        CommonFields +
        "\tfield:char prev_comm[16];\toffset:8;\tsize:16;\tsigned:0;\n" +
        "\tfield:pid_t prev_pid;\toffset:24;\tsize:4;\tsigned:1;\n" +
        "\tfield:int prev_prio;\toffset:28;\tsize:4;\tsigned:1;\n" +
        "\tfield:long prev_state;\toffset:32;\tsize:8;\tsigned:1;\n" +
        "\tfield:char next_comm[16];\toffset:40;\tsize:16;\tsigned:0;\n" +
        "\tfield:pid_t next_pid;\toffset:56;\tsize:4;\tsigned:1;\n" +
        "\tfield:int next_prio;\toffset:60;\tsize:4;\tsigned:1;\n" +
        "\n" +
        "print fmt: \"prev_comm=%s prev_pid=%d ==> next_comm=%s next_pid=%d\", REC->prev_comm, REC->prev_pid, REC->next_comm, REC->next_pid\n";

    public const string SysEnterOpenat =
        "name: sys_enter_openat\n" +
        "ID: 782\n" +
        "format:\n" +
        CommonFields +
        "\tfield:int __syscall_nr;\toffset:8;\tsize:4;\tsigned:1;\n" +
        "\tfield:int dfd;\toffset:16;\tsize:8;\tsigned:0;\n" +
        "\tfield:const char * filename;\toffset:24;\tsize:8;\tsigned:0;\n" +
        "\tfield:int flags;\toffset:32;\tsize:8;\tsigned:0;\n" +
        "\tfield:umode_t mode;\toffset:40;\tsize:8;\tsigned:0;\n" +
        "\n" +
        "print fmt: \"dfd: 0x%08lx, filename: 0x%08lx, flags: 0x%08lx, mode: 0x%08lx\", ((unsigned long)(REC->dfd)), ((unsigned long)(REC->filename)), ((unsigned long)(REC->flags)), ((unsigned long)(REC->mode))\n";

    public const string ProcessExec =
        "name: sched_process_exec\n" +
        "ID: 350\n" +
        "format:\n" +
        CommonFields +
        "\tfield:__data_loc char[] filename;\toffset:8;\tsize:4;\tsigned:0;\n" +
        "\tfield:pid_t pid;\toffset:12;\tsize:4;\tsigned:1;\n" +
        "\tfield:pid_t old_pid;\toffset:16;\tsize:4;\tsigned:1;\n" +
        "\tfield:__rel_loc char[] note;\toffset:20;\tsize:4;\tsigned:0;\n" +
        "\tfield:__data_loc u64[] addrs;\toffset:24;\tsize:4;\tsigned:0;\n" +
        "\n" +
        "print fmt: \"filename=%s pid=%d old_pid=%d\", __get_str(filename), REC->pid, REC->old_pid\n";

    // Arrays of every shape and the scalar spellings seen in real kernels.
    public const string Shapes =
        "name: shapes\n" +
        "ID: 9\n" +
        "format:\n" +
        CommonFields +
        "\tfield:unsigned long args[6];\toffset:8;\tsize:48;\tsigned:0;\n" +
        "\tfield:char comm[TASK_COMM_LEN];\toffset:56;\tsize:16;\tsigned:0;\n" +
        "\tfield:u32 ids[NR_IDS];\toffset:72;\tsize:8;\tsigned:0;\n" +
        "\tfield:u8 fsid[16];\toffset:80;\tsize:16;\tsigned:0;\n" +
        "\tfield:u8 level;\toffset:96;\tsize:1;\tsigned:0;\n" +
        "\tfield:bool ok;\toffset:97;\tsize:1;\tsigned:0;\n" +
        "\tfield:unsigned int count;\toffset:100;\tsize:4;\tsigned:0;\n" +
        "\tfield:long long delta;\toffset:104;\tsize:8;\tsigned:1;\n" +
        "\tfield:const void* cookie;\toffset:112;\tsize:8;\tsigned:0;\n" +
        "\tfield:void __seg_gs * base;\toffset:120;\tsize:8;\tsigned:0;\n" +
        "\tfield:enum zone_type idx;\toffset:128;\tsize:4;\tsigned:0;\n" +
        "\tfield:struct pair both;\toffset:136;\tsize:8;\tsigned:0;\n" +
        "\tfield:int (*fn)(void);\toffset:144;\tsize:8;\tsigned:0;\n" +
        "\tfield:char buf[];\toffset:152;\tsize:0;\tsigned:0;\n" +
        "\n" +
        "print fmt: \"%s\", REC->buf\n";
}
