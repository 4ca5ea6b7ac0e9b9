namespace FlightRec.Runtime.Collections;

/// <summary>The arithmetic of a compound assignment (<c>+=</c> … <c>&gt;&gt;&gt;=</c>) on a long array element.</summary>
public enum CompoundOperator
{
    Add,
    Subtract,
    Multiply,
    Divide,
    Modulo,
    And,
    Or,
    Xor,
    ShiftLeft,
    ShiftRight,
    ShiftRightLogical,
}
