using System.Globalization;
using System.Text;
using FlightRec.Compiler.Parsing.Generated;

namespace FlightRec.Compiler.Parsing.Preprocessing;

/// <summary>
/// Evaluates one test <c>LHS OP RHS</c> of a <c>%( … %?</c> condition, with stap's rules
/// and messages (LANGUAGE.md §2.4). Every test is exactly three tokens; what the left
/// token is decides how the other two are read.
/// </summary>
internal sealed class ConditionEvaluator(ParseOptions options)
{
    private const string UnknownLeftOperand =
        "expected 'arch', 'kernel_v', 'kernel_vr', 'systemtap_v',\n" +
        "             'runtime', 'systemtap_privilege', 'CONFIG_...', or\n" +
        "             comparison between strings or integers";

    /// <summary>FlightRec runs every script with full privileges.</summary>
    private const string Privilege = "stapdev";

    public bool Evaluate(FrsToken left, FrsToken op, FrsToken right)
    {
        if (IsIdentifier(left))
        {
            switch (left.Text)
            {
                case "kernel_v":
                    return CompareVersion(options.System.KernelVersion, op, right);
                case "kernel_vr":
                    return CompareVersion(options.System.KernelRelease, op, right);
                case "systemtap_v":
                    return CompareVersion(options.CompatibleVersion, op, right);
                case "systemtap_privilege":
                    {
                        string query = ExpectString(right);
                        return EqualOrNot(op, Privilege == query);
                    }

                case "guru_mode":
                    {
                        if (right.Type != FrsLexer.NUMBER)
                        {
                            throw Error("expected number", right);
                        }

                        long value = Number(right);
                        if (value is not (0 or 1))
                        {
                            throw Error("expected 0 or 1", op);
                        }

                        EqualOrNot(op, true);
                        return Compare(options.Guru ? 1 : 0, op, value);
                    }

                case "arch":
                    {
                        string query = ExpectString(right);
                        return EqualOrNot(op, Glob.Match(query, options.System.Arch));
                    }

                case "runtime":
                    {
                        string query = ExpectString(right);
                        return EqualOrNot(op, Glob.Match(query, options.Runtime));
                    }

                default:
                    if (left.Text.StartsWith("CONFIG_", StringComparison.Ordinal))
                    {
                        return CompareConfig(left, op, right);
                    }

                    break;
            }
        }

        if (left.Type == FrsLexer.STRING && right.Type == FrsLexer.STRING)
        {
            // Plain byte-wise comparison: no version order, no wildcards.
            return Compare(string.CompareOrdinal(StringValue(left), StringValue(right)), op, 0);
        }

        if (left.Type == FrsLexer.NUMBER && right.Type == FrsLexer.NUMBER)
        {
            return Compare(Number(left), op, Number(right));
        }

        if (left.Type == FrsLexer.STRING && right.Type == FrsLexer.NUMBER && IsOperator(op))
        {
            throw Error("expected string literal as right value", right);
        }

        if (left.Type == FrsLexer.NUMBER && right.Type == FrsLexer.STRING && IsOperator(op))
        {
            throw Error("expected number literal as right value", right);
        }

        throw Error(UnknownLeftOperand, left);
    }

    /// <summary>
    /// The value of a string literal as stap's lexer stores it: quotes removed, an escape
    /// that C understands kept with its backslash, any other backslash dropped.
    /// </summary>
    public static string StringValue(FrsToken token)
    {
        string text = token.Text;
        int end = text.Length > 1 && text[^1] == '"' ? text.Length - 1 : text.Length;
        if (text.IndexOf('\\') < 0)
        {
            return text[1..end];
        }

        var sb = new StringBuilder(end);
        for (int i = 1; i < end; i++)
        {
            char c = text[i];
            if (c == '\\' && i + 1 < end)
            {
                char next = text[++i];
                if ("xabtnvfr01234567\\".Contains(next))
                {
                    sb.Append('\\');
                }

                sb.Append(next);
                continue;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    private bool CompareVersion(string target, FrsToken op, FrsToken right)
    {
        if (right.Type != FrsLexer.STRING)
        {
            throw Error("expected string literal", right);
        }

        string query = StringValue(right);
        bool wildcardAllowed = op.Type is FrsLexer.EQ or FrsLexer.NE;
        if (!wildcardAllowed && op.Type is not (FrsLexer.LT or FrsLexer.LE or FrsLexer.GT or FrsLexer.GE))
        {
            throw Error("expected comparison operator", op);
        }

        if (Glob.HasWildcard(query))
        {
            if (!wildcardAllowed)
            {
                throw Error("wildcard not allowed with order comparison operators", op);
            }

            return Glob.Match(query, target) == (op.Type == FrsLexer.EQ);
        }

        return Compare(Math.Sign(VersionCompare.Compare(target, query)), op, 0);
    }

    private bool CompareConfig(FrsToken left, FrsToken op, FrsToken right)
    {
        string value = options.System.ConfigValue(left.Text);
        if (right.Type == FrsLexer.STRING)
        {
            return EqualOrNot(op, Glob.Match(StringValue(right), value));
        }

        if (right.Type == FrsLexer.NUMBER)
        {
            if (!TryParseC(value, out long number))
            {
                throw Error("Config option value not a number", left);
            }

            return Compare(number, op, Number(right));
        }

        if (IsIdentifier(right) && right.Text.StartsWith("CONFIG_", StringComparison.Ordinal))
        {
            // Numbers if both read as numbers, else strings.
            string other = options.System.ConfigValue(right.Text);
            if (TryParseC(value, out long a) && TryParseC(other, out long b))
            {
                return Compare(a, op, b);
            }

            return Compare(string.CompareOrdinal(value, other), op, 0);
        }

        throw Error("expected string, number literal or other CONFIG_... as right side operand", right);
    }

    private static string ExpectString(FrsToken right) =>
        right.Type == FrsLexer.STRING ? StringValue(right) : throw Error("expected string literal", right);

    /// <summary>The result of an equality test "matched" under == or !=; any other operator is an error.</summary>
    private static bool EqualOrNot(FrsToken op, bool matched) => op.Type switch
    {
        FrsLexer.EQ => matched,
        FrsLexer.NE => !matched,
        _ => throw Error("expected '==' or '!='", op),
    };

    private static bool Compare(long a, FrsToken op, long b) => op.Type switch
    {
        FrsLexer.LE => a <= b,
        FrsLexer.GE => a >= b,
        FrsLexer.LT => a < b,
        FrsLexer.GT => a > b,
        FrsLexer.EQ => a == b,
        FrsLexer.NE => a != b,
        _ => throw Error("expected comparison operator", op),
    };

    /// <summary>A number token's value. stap reads these in decimal; FR: C's 0x/0 prefixes are accepted too.</summary>
    private static long Number(FrsToken token)
    {
        if (long.TryParse(token.Text, NumberStyles.None, CultureInfo.InvariantCulture, out long value))
        {
            return value;
        }

        return TryParseC(token.Text, out value) && token.Text.Length > 0
            ? value
            : throw Error("expected number", token);
    }

    /// <summary>
    /// C's strtoll(s, &amp;end, 0) with the whole string consumed and no overflow, which is how
    /// stap decides that a kernel config value is a number. The empty string reads as 0
    /// (strtoll converts nothing and stops at the terminator), so an unset option equals 0.
    /// </summary>
    public static bool TryParseC(string s, out long value)
    {
        value = 0;
        int i = 0;
        while (i < s.Length && s[i] is ' ' or '\t' or '\n' or '\v' or '\f' or '\r')
        {
            i++;
        }

        bool negative = false;
        if (i < s.Length && s[i] is '+' or '-')
        {
            negative = s[i] == '-';
            i++;
        }

        int radix = 10;
        if (i + 1 < s.Length && s[i] == '0' && s[i + 1] is 'x' or 'X' && i + 2 < s.Length && Uri.IsHexDigit(s[i + 2]))
        {
            radix = 16;
            i += 2;
        }
        else if (i < s.Length && s[i] == '0')
        {
            radix = 8;
        }

        int digitsStart = i;
        ulong magnitude = 0;
        ulong limit = negative ? (ulong)long.MaxValue + 1 : long.MaxValue;
        bool overflow = false;
        for (; i < s.Length; i++)
        {
            int digit = s[i] switch
            {
                >= '0' and <= '9' => s[i] - '0',
                >= 'a' and <= 'z' => s[i] - 'a' + 10,
                >= 'A' and <= 'Z' => s[i] - 'A' + 10,
                _ => 99,
            };
            if (digit >= radix)
            {
                break;
            }

            if (magnitude > (limit - (ulong)digit) / (ulong)radix)
            {
                overflow = true;
            }
            else
            {
                magnitude = magnitude * (ulong)radix + (ulong)digit;
            }
        }

        if (i == digitsStart)
        {
            // Nothing converted: strtoll leaves the end pointer at the very start.
            return s.Length == 0;
        }

        if (overflow || i != s.Length)
        {
            return false;
        }

        value = negative ? (long)(0 - magnitude) : (long)magnitude;
        return true;
    }

    private static bool IsIdentifier(FrsToken token) =>
        token.JunkMessage is null && token.Type is FrsLexer.IDENT or FrsLexer.TARGETVAR;

    private static bool IsOperator(FrsToken token) =>
        token.JunkMessage is null && TokenNames.Category(token.Type) == "operator";

    private static PreprocessorException Error(string message, FrsToken token) =>
        new(PreprocessorDiagnostics.Error(message, token));
}
