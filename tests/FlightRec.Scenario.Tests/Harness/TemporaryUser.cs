using System.Diagnostics;

namespace FlightRec.Scenario.Tests.Harness;

/// <summary>
/// An unprivileged system user made for one test (useradd) and removed after it (userdel),
/// who runs commands through runuser. Only root can make one.
/// </summary>
internal sealed class TemporaryUser : IDisposable
{
    private TemporaryUser(string name)
    {
        Name = name;
    }

    public string Name { get; }

    public static bool CanCreate => Runtime.Linux.UserIds.EffectiveUid() == 0;

    public static TemporaryUser Create()
    {
        string name = $"frtest{Random.Shared.Next(100000, 999999)}";
        Execute("useradd", "--system", "--no-create-home", "--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin", name);
        return new TemporaryUser(name);
    }

    /// <summary>runuser's command line running <paramref name="program"/> as this user.</summary>
    public IEnumerable<string> RunUserArguments(string program, params string[] arguments) =>
        new[] { "-u", Name, "--", program }.Concat(arguments);

    public void Dispose() => Execute("userdel", Name);

    private static void Execute(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        string stderr = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(30_000), $"{program} did not finish");
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {stderr}");
    }
}
