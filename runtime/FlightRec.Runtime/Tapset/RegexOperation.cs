namespace FlightRec.Runtime.Tapset;

/// <summary>The operations of a <see cref="RegexProgram"/> (a Thompson NFA with priorities and tags).</summary>
internal enum RegexOperation
{
    /// <summary>Consume one byte that is in <see cref="RegexInstruction.Bytes"/>.</summary>
    Byte,

    /// <summary>Continue at <see cref="RegexInstruction.First"/>, and with lower priority at <see cref="RegexInstruction.Second"/>.</summary>
    Split,

    Jump,

    /// <summary>Record the position in tag <see cref="RegexInstruction.First"/> (2n: start of group n, 2n+1: its end).</summary>
    Tag,

    /// <summary><c>^</c>: only at the start of the subject.</summary>
    Start,

    /// <summary><c>$</c>: only at the end of the subject.</summary>
    End,

    Match,
}
