namespace FlightRec.Runtime.Context;

/// <summary>
/// The scan that tokenize() continues (stap: CONTEXT->tok_str/tok_start). FR keeps it per handler
/// invocation (LANGUAGE.md §9.2).
/// </summary>
public sealed class TokenizeState
{
    /// <summary>The string being scanned (a truncated copy of the last non-empty input).</summary>
    public string Text { get; private set; } = "";

    /// <summary>Index of the next unscanned byte, or -1 when the scan is exhausted (strsep's NULL).</summary>
    public int Position { get; set; } = -1;

    public void Start(string text)
    {
        Text = text;
        Position = 0;
    }

    public void Reset()
    {
        Text = "";
        Position = -1;
    }
}
