using BenchmarkDotNet.Attributes;
using FlightRec.Runtime.Collections;

namespace FlightRec.Benchmarks.Runtime;

/// <summary>
/// <c>a[k]++</c> on a key that already exists: the hot path of counting scripts. Goals
/// (issue 3): long key ≤ 60 ns, string key ≤ 120 ns, 0 B allocated.
/// </summary>
[MemoryDiagnoser]
[MapBenchmarkJob]
public class MapIncrementBenchmarks
{
    private const int Elements = 1000;

    private readonly ScriptMap<Key1<long>, long> _longMap = new(2048, sizeDeclared: false);
    private readonly ScriptMap<Key1<string>, long> _stringMap = new(2048, sizeDeclared: false);
    private readonly ScriptMap<Key2<string, long>, long> _pairMap = new(2048, sizeDeclared: false);
    private long _longKey;
    private string _stringKey = "";

    [GlobalSetup]
    public void Setup()
    {
        for (long k = 0; k < Elements; k++)
        {
            _longMap.Set(new Key1<long>(k * 4096), k, null);
            _stringMap.Set(new Key1<string>("syscall_" + k), k, null);
            _pairMap.Set(new Key2<string, long>("syscall_" + k, k), k, null);
        }

        _longKey = 500 * 4096;
        // A fresh instance with the same bytes, as execname() or a concatenation would produce:
        // equality must compare characters, not stop at reference equality.
        _stringKey = new string("syscall_500".AsSpan());
    }

    [Benchmark]
    public long IncrementLongKey() => ++_longMap.GetOrAdd(new Key1<long>(_longKey), null);

    [Benchmark]
    public long IncrementStringKey() => ++_stringMap.GetOrAdd(new Key1<string>(_stringKey), null);

    [Benchmark]
    public long IncrementStringLongKey() => ++_pairMap.GetOrAdd(new Key2<string, long>(_stringKey, 500), null);

    [Benchmark]
    public long ReadMissingLongKey() => _longMap.Get(new Key1<long>(_longKey + 1));
}
