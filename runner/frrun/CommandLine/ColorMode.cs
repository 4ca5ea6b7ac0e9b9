namespace FlightRec.Runner.CommandLine;

/// <summary>-C WHEN: whether the ERROR:/WARNING: tags on stderr are coloured.</summary>
internal enum ColorMode
{
    Auto,
    Never,
    Always,
}
