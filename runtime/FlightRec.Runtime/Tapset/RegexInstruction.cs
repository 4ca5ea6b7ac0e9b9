namespace FlightRec.Runtime.Tapset;

/// <summary>One instruction; <see cref="Bytes"/> is set for <see cref="RegexOperation.Byte"/> only.</summary>
internal readonly record struct RegexInstruction(RegexOperation Operation, int First = 0, int Second = 0, bool[]? Bytes = null);
