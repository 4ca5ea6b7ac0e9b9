using BenchmarkDotNet.Attributes;
using FlightRec.Runtime.Context;
using FlightRec.Runtime.Tapset;

namespace FlightRec.Benchmarks.Runtime;

/// <summary>
/// Core tapset functions on typical inputs. The numeric, searching and context functions must not
/// allocate; functions that return a new script string allocate exactly that string.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class TapsetBenchmarks
{
    private const int Max = 512;
    private const string Path = "/usr/lib/x86_64-linux-gnu/libc.so.6";

    private readonly ProbeContext _context = new() { ExecName = "bash", Tid = 4242, Pid = 4242 };
    private readonly ScriptRegex _regex = new("^/usr/lib/.*\\.so(\\.[0-9]+)?$");

    [Benchmark]
    public long Strlen() => TapsetStrings.Strlen(Path);

    [Benchmark]
    public long Stringat() => TapsetStrings.Stringat(Path, 10);

    [Benchmark]
    public long Strpos() => TapsetStrings.Strpos(Path, "libc");

    [Benchmark]
    public long Isinstr() => TapsetStrings.Isinstr(Path, "linux");

    [Benchmark]
    public long StrtolHex() => TapsetConversions.Strtol("0x7ffd12345678", 0);

    [Benchmark]
    public string ErrnoStr() => TapsetConversions.ErrnoStr(-2);

    [Benchmark]
    public string Substr() => TapsetStrings.Substr(Path, 9, 16, Max);

    [Benchmark]
    public string TextStr() => TapsetText.TextStr("line one\n\ttab \"quoted\" caf\u00c3\u00a9", Max);

    [Benchmark]
    public string Tokenize()
    {
        string last = TapsetStrings.Tokenize(_context, Path, "/");
        for (string t = last; t.Length > 0; t = TapsetStrings.Tokenize(_context, "/"))
        {
            last = t;
        }

        return last;
    }

    [Benchmark]
    public string Ctime() => TapsetTime.Ctime(1234567890);

    [Benchmark]
    public long GettimeofdayNs() => TapsetTime.GettimeofdayNs(_context);

    [Benchmark]
    public bool RegexIsMatch() => _regex.IsMatch(Path);

    [Benchmark]
    public bool RegexIsMatchRecordingGroups() => _regex.IsMatch(Path, _context);

    [Benchmark]
    public string ThreadIndentEnterExit()
    {
        TapsetIndent.ThreadIndent(_context, 1);
        return TapsetIndent.ThreadIndent(_context, -1);
    }
}
