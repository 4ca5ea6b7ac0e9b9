namespace FlightRec.Compiler.Tests.Robustness;

/// <summary>
/// A file to mutate, split as the lexer sees it: each token with the whitespace and comments
/// before it, so rebuilt text keeps the original layout wherever the mutations leave it.
/// </summary>
internal sealed record FuzzInput(string Name, string Runtime, (string Gap, string Text)[] Tokens, string Tail);
