namespace FlightRec.Scenario.Tests.Harness;

/// <summary>What a user sees from one frrun: exit status, standard output and standard error.</summary>
internal sealed record FrrunResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>The lines of standard error, without their newlines.</summary>
    public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Clip(Stdout)}\n--- stderr ---\n{Clip(Stderr)}";

    private static string Clip(string text) => text.Length <= 2000 ? text : text[..1000] + $"\n[… {text.Length - 2000} characters …]\n" + text[^1000..];
}
