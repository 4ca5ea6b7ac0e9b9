using System.Collections.Frozen;

namespace FlightRec.Compiler.Semantics;

/// <summary>
/// The tapset functions the runtime implements today (runtime/FlightRec.Runtime/Tapset), with
/// stap's names for their parameters so -p2 prints them as stap prints the tapset function.
/// Signature syntax: <c>name:return(param:type, ...)</c>; return <c>unknown</c> is "no value".
/// Until tapset .stp loading exists this is the whole library a script can call.
/// </summary>
public static class BuiltinCatalogue
{
    private static readonly string[] Signatures =
    [
        // Output and control (tapset/logging.stp, tapset/linux/logging.stp)
        "exit:unknown()", "abort:unknown()", "error:unknown(msg:string)", "warn:unknown(msg:string)",
        "log:unknown(msg:string)", "assert:unknown(expression:long)", "assert:unknown(expression:long, msg:string)",

        // Strings (tapset/string.stp, tokenize.stp)
        "strlen:long(s:string)", "substr:string(str:string, start:long, length:long)",
        "stringat:long(str:string, pos:long)", "isinstr:long(s1:string, s2:string)",
        "strpos:long(s1:string, s2:string)",
        "str_replace:string(prnt_str:string, srch_str:string, rplc_str:string)", "isdigit:long(str:string)",
        "tokenize:string(input:string, delim:string)", "strtol:long(str:string, base:long)",

        // Escaping (tapset/string.stp) and indentation (tapset/indent.stp)
        "text_str:string(input:string)", "text_strn:string(input:string, len:long, quoted:long)",
        "string_quoted:string(str:string)", "indent:string(delta:long)", "indent_depth:long(delta:long)",
        "thread_indent:string(delta:long)", "thread_indent_depth:long(delta:long)",

        // User memory (tapset/linux/conversions.stp, uconversions.stp)
        "user_string:string(addr:long)", "user_string:string(addr:long, err_msg:string)",
        "user_string_n:string(addr:long, n:long)", "user_string_n:string(addr:long, n:long, err_msg:string)",
        "user_string_nofault:string(addr:long)", "user_string_n_nofault:string(addr:long, n:long)",
        "user_string_warn:string(addr:long)", "user_string_warn:string(addr:long, warn_msg:string)",
        "user_string_quoted:string(addr:long)", "user_char:long(addr:long)", "user_short:long(addr:long)",
        "user_ushort:long(addr:long)", "user_int:long(addr:long)", "user_long:long(addr:long)",
        "user_ulong:long(addr:long)", "user_int8:long(addr:long)", "user_uint8:long(addr:long)",
        "user_int16:long(addr:long)", "user_uint16:long(addr:long)", "user_int32:long(addr:long)",
        "user_uint32:long(addr:long)", "user_int64:long(addr:long)", "user_uint64:long(addr:long)",

        // Floating point in longs (tapset/floatingpoint.stp)
        "fp_to_string:string(infp:long, precision:long)", "string_to_fp:long(input:string)",
        "long_to_fp:long(input:long)", "fp_to_long:long(infp:long, roundingMode:long, exact:long)",
        "fp_add:long(add1:long, add2:long)", "fp_sub:long(sub1:long, sub2:long)", "fp_mul:long(mul1:long, mul2:long)",
        "fp_div:long(div1:long, div2:long)", "fp_rem:long(div1:long, div2:long)", "fp_sqrt:long(infp:long)",
        "fp_eq:long(infp1:long, infp2:long)", "fp_le:long(infp1:long, infp2:long)", "fp_lt:long(infp1:long, infp2:long)",
        "fp32_to_fp64:long(input:long)",

        // Symbols (tapset/linux/ucontext-symbols.stp)
        "usymdata:string(addr:long)",

        // The last =~ of the handler (tapset/regex.stp)
        "matched:string(n:long)", "matched_str:string()", "ngroups:long()",

        // Conversions and errno (tapset/linux/endian.stp)
        "big_endian2:long(val:long)", "big_endian4:long(val:long)", "big_endian8:long(val:long)",
        "errno_str:string(err:long)", "return_str:string(format:long, ret:long)", "randint:long(n:long)",

        // Syscall argument formatting and integer casts (tapset/linux/aux_syscalls.stp)
        "_sys_open_flag_str:string(f:long)", "_access_mode_str:string(mode:long)",
        "_faccessat2_flags_str:string(flags:long)", "_sys_pipe2_flag_str:string(f:long)", "_dup3_flag_str:string(f:long)",
        "_mprotect_prot_str:string(prot:long)", "_mmap_flags:string(flags:long)", "_dfd_str:string(d:long)",
        "_fcntl_cmd_str:string(cmd:long)", "_seek_whence_str:string(w:long)", "_sock_family_str:string(f:long)",
        "_sock_type_str:string(type:long)", "_sock_flags_str:string(f:long)",
        "_sock_protocol_str:string(family:long, protocol:long)", "_msg_flags_str:string(flags:long)",
        "_futex_op_str:string(op:long)", "_signal_name:string(sig:long)", "_sigprocmask_how_str:string(how:long)",
        "_stp_sigmask_str:string(sigmask:long)",
        "_stp_sigaction_str:string(handler:long, flags:long, restorer:long, mask:long)", "__fork_flags:string(flags:long)", "_at_flag_str:string(f:long)",
        "_wait4_opt_str:string(f:long)", "_getrandom_flags_str:string(flag:long)",
        "_renameat2_flags_str:string(flags:long)", "_get_wc_str:string(wc:long)",
        "_stp_clock_nanosleep_flags_str:string(flags:long)", "_opoll_op_str:string(o:long)", "_shutdown_how_str:string(how:long)",
        "_madvice_advice_str:string(behavior:long)", "_statx_mask_str:string(cmd:long)",
        "__short:long(val:long)", "__ushort:long(val:long)", "__int32:long(val:long)", "__uint32:long(val:long)",
        "__long:long(val:long)", "__ulong:long(val:long)",

        // Context
        "pid:long()", "tid:long()", "ppid:long()", "uid:long()", "euid:long()", "gid:long()", "egid:long()",
        "execname:string()", "pexecname:string()", "cpu:long()", "pp:string()", "pn:string()",
        "ppfunc:string()", "probefunc:string()", "target:long()", "is_return:long()", "user_mode:long()",
        "registers_valid:long()", "addr:long()", "uaddr:long()", "stp_pid:long()", "module_name:string()",
        "cmdline_args:string(n:long, m:long, delim:string)", "cmdline_arg:string(n:long)", "cmdline_str:string()",
        "env_var:string(name:string)",

        // Time
        "gettimeofday_ns:long()", "gettimeofday_us:long()", "gettimeofday_ms:long()", "gettimeofday_s:long()",
        "local_clock_ns:long()", "local_clock_us:long()", "local_clock_ms:long()", "local_clock_s:long()",
        "cpu_clock_ns:long(cpu:long)", "cpu_clock_us:long(cpu:long)", "cpu_clock_ms:long(cpu:long)",
        "cpu_clock_s:long(cpu:long)", "ktime_get_ns:long()", "get_cycles:long()", "jiffies:long()", "HZ:long()",
        "ctime:string()", "ctime:string(epochsecs:long)",
    ];

    private static readonly FrozenDictionary<(string Name, int Arity), Signature> ByKey =
        Signatures.Select(Parse).ToFrozenDictionary(s => (s.Name, s.Parameters.Length));

    public static IEnumerable<(string Name, int Arity)> Keys => ByKey.Keys;

    public static bool HasName(string name) => ByKey.Keys.Any(k => k.Name == name);

    /// <summary>A fresh symbol for one compilation (symbols carry per-run state such as <c>Used</c>).</summary>
    public static FunctionSymbol? Create(string name, int arity)
    {
        if (!ByKey.TryGetValue((name, arity), out var signature))
        {
            return null;
        }

        var parameters = new VariableSymbol[signature.Parameters.Length];
        for (int i = 0; i < parameters.Length; i++)
        {
            parameters[i] = new VariableSymbol(signature.Parameters[i].Name, SymbolKind.Parameter, default)
            {
                Type = signature.Parameters[i].Type,
            };
            parameters[i].SetArity(0);
        }

        return new FunctionSymbol(name, parameters, null, null) { ReturnType = signature.Return };
    }

    /// <summary>The arity of some built-in of that name, for "arity mismatch" messages.</summary>
    public static int? AnyArity(string name) =>
        ByKey.Keys.Where(k => k.Name == name).Select(k => (int?)k.Arity).LastOrDefault();

    private static Signature Parse(string text)
    {
        int colon = text.IndexOf(':', StringComparison.Ordinal);
        int open = text.IndexOf('(', StringComparison.Ordinal);
        string name = text[..colon];
        var returns = TypeOf(text[(colon + 1)..open]);
        string inner = text[(open + 1)..^1];
        var parameters = inner.Length == 0
            ? []
            : inner.Split(", ").Select(p => p.Split(':')).Select(p => (p[0], TypeOf(p[1]))).ToArray();
        return new Signature(name, returns, parameters);
    }

    private static SemanticType TypeOf(string name) => name switch
    {
        "long" => SemanticType.Long,
        "string" => SemanticType.String,
        _ => SemanticType.Unknown,
    };

    private sealed record Signature(string Name, SemanticType Return, (string Name, SemanticType Type)[] Parameters);
}
