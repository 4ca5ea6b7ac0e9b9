using FlightRec.Compiler.Diagnostics;

namespace FlightRec.Compiler.Translation;

/// <summary>
/// stap's record_actions for one probe or function body (translate.cxx): statements add to a
/// count kept while the body is translated, and the count is charged to the MAXACTION budget
/// (<c>ctx.Charge</c>) at the end of each basic block, or as soon as it reaches 10. A body whose
/// statement count is bounded is checked once on entry instead, and charges nothing here.
/// </summary>
internal sealed class ActionCounter(bool enabled)
{
    private long _pending;

    /// <summary>False in a body checked once on entry: stap's already_checked_action_count.</summary>
    public bool Enabled => enabled;

    /// <summary>The C# charge (without <c>;</c>) stap would emit here, or null when it emits none.</summary>
    public string? Record(long actions, (SourceSpan Span, string Token) token, bool flush = false)
    {
        _pending += actions;
        if (!enabled || !((flush && _pending > 0) || _pending >= 10))
        {
            return null;
        }

        string charge = $"ctx.Charge({_pending}, {CSharpText.Near(token)})";
        _pending = 0;
        return charge;
    }

    /// <summary>
    /// A call returned: stap charges the callee's statements when it has a bound (the callee was
    /// checked on entry, not charged inside), flushing what the caller counted so far.
    /// </summary>
    public string AfterCall(string call, long? calleeActions, (SourceSpan Span, string Token) token, bool valueUsed)
    {
        if (calleeActions is not { } actions || Record(actions, token, flush: true) is not { } charge)
        {
            return call;
        }

        // Charge(n, near) inside the expression, after the call: Charged returns the call's value.
        return valueUsed ? $"ctx.Charged({call}, {charge["ctx.Charge(".Length..^1]})" : $"{call}; {charge}";
    }
}
