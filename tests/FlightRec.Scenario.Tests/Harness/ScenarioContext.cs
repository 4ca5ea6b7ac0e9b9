using System.Diagnostics;
using FlightRec.Runtime.Linux;
using FlightRec.Runtime.Transport;
using Xunit.Abstractions;

namespace FlightRec.Scenario.Tests.Harness;

/// <summary>
/// One scenario's world: the published frrun, the test modules, and a runtime directory of its
/// own (FLIGHTREC_RUNTIME_DIR for every process it starts, on tmpfs like the real one) so that
/// scenarios running side by side never see each other's sessions. Disposing kills whatever
/// is still running — consumers it started and hosts named by the session headers — and
/// removes its directories.
/// </summary>
internal sealed class ScenarioContext : IDisposable
{
    public static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(30);

    private readonly ITestOutputHelper _log;
    private readonly List<FrrunProcess> _processes = [];
    private readonly Dictionary<string, string> _environment;

    private ScenarioContext(string frrun, ITestOutputHelper log, bool runtimeDirectoryExists)
    {
        Frrun = frrun;
        _log = log;
        string tmpfs = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        BaseDirectory = Path.Combine(tmpfs, $"fr-scenario-{Guid.NewGuid().ToString("N")[..12]}");
        Directory.CreateDirectory(BaseDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        RuntimeDirectory = Path.Combine(BaseDirectory, "runtime");
        WorkDirectory = Path.Combine(BaseDirectory, "work");
        Directory.CreateDirectory(WorkDirectory);
        if (runtimeDirectoryExists)
        {
            Directory.CreateDirectory(RuntimeDirectory);
        }

        // frstap's module cache too, so that a scenario sees its own misses and hits.
        _environment = new() { ["FLIGHTREC_RUNTIME_DIR"] = RuntimeDirectory, ["XDG_CACHE_HOME"] = Path.Combine(BaseDirectory, "cache") };
    }

    public string Frrun { get; }

    /// <summary>The frstap published beside frrun (the README's build puts both in artifacts/bin).</summary>
    public string Frstap => Path.Combine(Path.GetDirectoryName(Frrun)!, "frstap");

    /// <summary>Holds the runtime and work directories; owner-only unless a test opens it up.</summary>
    public string BaseDirectory { get; }

    /// <summary>FLIGHTREC_RUNTIME_DIR; frrun creates it on first use unless the scenario was begun with it existing.</summary>
    public string RuntimeDirectory { get; }

    /// <summary>The working directory of every command, for -o files.</summary>
    public string WorkDirectory { get; }

    public IReadOnlyDictionary<string, string> Environment => _environment;

    public ModuleSet Modules => ModuleSet.For(PublishedFrrun.RuntimeAssemblyBeside(Frrun));

    /// <summary>
    /// A new scenario, or null when frrun is not published and this is not CI (the reason is
    /// logged as SKIPPED); on CI a missing frrun fails the test.
    /// </summary>
    public static ScenarioContext? Begin(ITestOutputHelper log, bool runtimeDirectoryExists = false)
    {
        if (PublishedFrrun.Find(out string reason) is not { } frrun)
        {
            Assert.False(PublishedFrrun.Required, $"{reason}; CI=true requires the scenario tests to run");
            log.WriteLine($"SKIPPED: {reason}");
            return null;
        }

        return new ScenarioContext(frrun, log, runtimeDirectoryExists);
    }

    public string Module(TestModuleSource source) => Modules.PathOf(source);

    public string WorkFile(string name) => Path.Combine(WorkDirectory, name);

    /// <summary>Starts frrun with these arguments; the scenario kills it at the end if it is still running.</summary>
    public FrrunProcess Start(params string[] arguments) => StartProgram(Frrun, arguments);

    /// <summary>Starts another program (runuser, a target) in the scenario's environment.</summary>
    public FrrunProcess StartProgram(string program, IEnumerable<string> arguments)
    {
        var process = FrrunProcess.Start(program, arguments, WorkDirectory, _environment);
        _processes.Add(process);
        _log.WriteLine($"[{Stamp()}] started pid {process.Pid}: {process.CommandLine}");
        return process;
    }

    /// <summary>Runs frstap to its end (at most <see cref="CommandTimeout"/>).</summary>
    public FrrunResult RunFrstap(params string[] arguments) => Finish(StartProgram(Frstap, arguments));

    /// <summary>Runs frrun to its end (at most <see cref="CommandTimeout"/>).</summary>
    public FrrunResult Run(params string[] arguments) => Finish(Start(arguments));

    public FrrunResult Finish(FrrunProcess process, TimeSpan? timeout = null)
    {
        var result = process.WaitForExit(timeout ?? CommandTimeout);
        _log.WriteLine($"[{Stamp()}] pid {process.Pid} ({process.CommandLine}) -> {result}");
        return result;
    }

    public void Log(string line) => _log.WriteLine($"[{Stamp()}] {line}");

    public SessionPaths Session(string name) => SessionPaths.For(name, RuntimeDirectory);

    /// <summary>The session directories in the runtime directory, sorted.</summary>
    public IReadOnlyList<string> SessionNames() =>
        Directory.Exists(RuntimeDirectory)
            ? Directory.GetFileSystemEntries(RuntimeDirectory).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList()
            : [];

    /// <summary>The session header of a module, or null while there is none (or it is not complete yet).</summary>
    public SessionHeader? TryOpenHeader(string name)
    {
        try
        {
            return SessionHeader.Open(Session(name).HeaderPath, writable: false);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public int HostPid(string name)
    {
        using var header = TryOpenHeader(name);
        Assert.True(header is not null, $"module {name} has no session in {RuntimeDirectory}");
        return header.Info.HostPid;
    }

    public bool IsHostAlive(string name)
    {
        using var header = TryOpenHeader(name);
        return header is not null && header.IsHostAlive();
    }

    /// <summary>Waits until the header names <paramref name="consumerPid"/> as the attached consumer.</summary>
    public void WaitForConsumer(string name, FrrunProcess consumer) =>
        WaitUntil(
            () =>
            {
                Assert.False(consumer.HasExited, $"'{consumer.CommandLine}' exited before attaching:\n{consumer.StderrSoFar}");
                using var header = TryOpenHeader(name);
                return header?.ConsumerPid == consumer.Pid;
            },
            TimeSpan.FromSeconds(10),
            () => $"'{consumer.CommandLine}' (pid {consumer.Pid}) to attach to module {name}");

    public static void WaitUntil(Func<bool> condition, TimeSpan timeout, Func<string> what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < timeout, $"timed out after {timeout.TotalSeconds:0.#} s waiting for {what()}");
            Thread.Sleep(10);
        }
    }

    public void Dispose()
    {
        foreach (var process in _processes)
        {
            process.Dispose();
        }

        foreach (string name in SessionNames().Where(SessionPaths.IsValidName))
        {
            KillHost(name);
        }

        try
        {
            Directory.Delete(BaseDirectory, recursive: true);
        }
        catch (IOException e)
        {
            _log.WriteLine($"could not remove {BaseDirectory}: {e.Message}");
        }
    }

    private void KillHost(string name)
    {
        using var header = TryOpenHeader(name);
        if (header is null || !header.IsHostAlive())
        {
            return;
        }

        int pid = header.Info.HostPid;
        _log.WriteLine($"killing the leftover host of module {name} (pid {pid})");
        ProcessSignals.Send(pid, FrrunProcess.SigKill);
        var clock = Stopwatch.StartNew();
        while (header.IsHostAlive() && clock.Elapsed < TimeSpan.FromSeconds(5))
        {
            Thread.Sleep(10);
        }
    }

    private static string Stamp() => DateTime.Now.ToString("HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture);
}
