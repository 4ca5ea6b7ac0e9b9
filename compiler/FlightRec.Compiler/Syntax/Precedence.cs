namespace FlightRec.Compiler.Syntax;

/// <summary>
/// Binding strength of each expression form, lowest first, following stap's grammar
/// (LANGUAGE.md §3.6). The printer parenthesises an operand whose level is below
/// what its position requires.
/// </summary>
internal static class Precedence
{
    public const int Assignment = 1;
    public const int Ternary = 2;
    public const int LogicalOr = 3;
    public const int LogicalAnd = 4;
    public const int BitOr = 5;
    public const int BitXor = 6;
    public const int BitAnd = 7;
    public const int In = 8;
    public const int Comparison = 9;
    public const int Shift = 10;
    public const int Concatenation = 11;
    public const int Additive = 12;
    public const int Multiplicative = 13;
    public const int Unary = 14;
    public const int Crement = 15;
    public const int Primary = 16;

    public static int Of(Expression e) => e switch
    {
        Syntax.Assignment => Assignment,
        TernaryExpression => Ternary,
        BinaryExpression b => Binary(b.Operator),
        RegexMatch => Comparison,
        ArrayMembership => In,
        UnaryExpression => Unary,
        NumberLiteral { Value: < 0 } => Unary,
        CrementExpression => Crement,
        TargetExpression { AddressOf: true } => Crement,
        TargetExpression { PrettyPrint: not null } => Crement,
        _ => Primary,
    };

    private static int Binary(string op) => op switch
    {
        "||" => LogicalOr,
        "&&" => LogicalAnd,
        "|" => BitOr,
        "^" => BitXor,
        "&" => BitAnd,
        "<" or ">" or "<=" or ">=" or "==" or "!=" => Comparison,
        "<<" or ">>" or ">>>" => Shift,
        "." => Concatenation,
        "+" or "-" => Additive,
        _ => Multiplicative,
    };
}
