using FlightRec.Compiler.Syntax;

namespace FlightRec.Compiler.Translation;

/// <summary>
/// A construct pass 3 cannot generate C# for yet. It is reported to the user instead of
/// emitting code that would behave differently from SystemTap.
/// </summary>
public sealed class NotTranslatedException(string construct, Node at)
    : Exception($"not translated yet: {construct} at {at.Span}");
