namespace FlightRec.Compiler.Diagnostics;

/// <summary>Collects the diagnostics of one run, dropping exact duplicates as stap does.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];
    private readonly HashSet<(string, string, int, int, string?)> _seen = [];

    public IReadOnlyList<Diagnostic> Items => _items;

    public int ErrorCount { get; private set; }

    public bool HasErrors => ErrorCount > 0;

    public void Add(Diagnostic diagnostic)
    {
        var key = (diagnostic.Message, diagnostic.Span?.File.Name ?? "", diagnostic.Span?.Line ?? 0,
            diagnostic.Span?.Column ?? 0, diagnostic.Token);
        if (!_seen.Add(key))
        {
            return;
        }

        _items.Add(diagnostic);
        if (diagnostic.IsError)
        {
            ErrorCount++;
        }
    }

    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            Add(d);
        }
    }
}
