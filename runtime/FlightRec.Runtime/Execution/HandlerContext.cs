using FlightRec.Runtime.Context;
using FlightRec.Runtime.Output;

namespace FlightRec.Runtime.Execution;

/// <summary>
/// The state of one probe-handler invocation that generated code touches on every
/// statement: the MAXACTION budget (charged in batches the compiler computes,
/// LANGUAGE.md §5.11), the function-call depth (MAXNESTING, §5.12), and the output buffer.
/// A dispatch thread owns one and resets it per hit, so the hot path allocates nothing.
/// </summary>
public sealed class HandlerContext
{
    private readonly string[] _callSites;
    private long _budget;
    private bool _next;

    public HandlerContext(ScriptSession session, OutputBuffer output, int cpu)
    {
        Session = session;
        Output = output;
        Cpu = cpu;
        _callSites = new string[Math.Max(1, session.Limits.MaxNesting)];
        Probe = new ProbeContext
        {
            Limits = session.Limits,
            Output = output,
            Session = session,
            Indent = session.Indent,
            Cpu = cpu,
            ModuleName = session.Module.Options.Name,
            RunnerPid = Environment.ProcessId,
        };
    }

    /// <summary>What tapset functions read about the event: ids, names, probe point, match and scan state.</summary>
    public ProbeContext Probe { get; }

    public ScriptSession Session { get; }

    public OutputBuffer Output { get; }

    /// <summary>The dispatch slot this context runs on: the index of per-CPU aggregates.</summary>
    public int Cpu { get; }

    /// <summary>Active script-function frames.</summary>
    public int Depth { get; private set; }

    /// <summary>The probe point being handled, for "in probe PP" in error reports.</summary>
    public string ProbePoint { get; private set; } = "";

    public long BudgetRemaining => _budget;

    /// <summary>Starts a new hit: full budget, no frames.</summary>
    public void Reset(string probePoint, string? probeName = null)
    {
        ProbePoint = probePoint;
        Probe.ProbePoint = probePoint;
        Probe.ProbeName = probeName;
        Probe.BeginHit();
        Depth = 0;
        _next = false;
        _budget = Session.Limits.ActionBudget;
    }

    /// <summary><c>next</c> in a script function: it returns, asking its caller for the next overload.</summary>
    public void RequestNext() => _next = true;

    /// <summary>
    /// After a call that may have run <c>next</c>: with no overload left, stap (5.x) raises
    /// <c>all functions exhausted</c> at the call.
    /// </summary>
    public void CheckNext(string near)
    {
        if (_next)
        {
            _next = false;
            throw new ScriptError("all functions exhausted", near);
        }
    }

    /// <summary><see cref="CheckNext(string)"/> for a call whose value is used.</summary>
    public T CheckNext<T>(T value, string near)
    {
        CheckNext(near);
        return value;
    }

    /// <summary>Charges <paramref name="actions"/> statements; running out is not catchable.</summary>
    public void Charge(long actions, string near)
    {
        _budget -= actions;
        if (_budget <= 0 && !Session.SuppressTimeLimits)
        {
            throw new ScriptError("MAXACTION exceeded", near, catchable: false);
        }
    }

    /// <summary>
    /// Charges <paramref name="actions"/> right after a call returned <paramref name="value"/>: stap
    /// charges a loop-free callee's statements at its call site, inside the calling expression.
    /// </summary>
    public T Charged<T>(T value, long actions, string near)
    {
        Charge(actions, near);
        return value;
    }

    /// <summary>
    /// The check at a loop-free body's entry: fails when fewer than <paramref name="needed"/> remain.
    /// A probe's check has no location (stap has set none yet when it runs); a function's names its declaration.
    /// </summary>
    public void Require(long needed, string? near)
    {
        if (_budget < needed && !Session.SuppressTimeLimits)
        {
            throw new ScriptError("MAXACTION exceeded", near, catchable: false);
        }
    }

    /// <summary>
    /// Whether a script <c>catch</c> takes <paramref name="error"/>: not an uncatchable error, and not
    /// once the statement budget is used up (stap skips the catch block then, whatever the error).
    /// </summary>
    public bool Catches(ScriptError error) =>
        error.Catchable && (_budget > 0 || Session.SuppressTimeLimits);

    /// <summary>
    /// Enters a script function called at <paramref name="callSite"/>; exceeding MAXNESTING is
    /// reported at <paramref name="declaration"/>, the callee's declaration token, as stap does.
    /// Frames are left with <see cref="LeaveFunction"/> on normal return only: after an error
    /// the stack still shows where it happened, for "(called from …)" in the report, and a
    /// catch block puts the depth back with <see cref="RestoreDepth"/>.
    /// </summary>
    public void EnterFunction(string callSite, string declaration)
    {
        if (Depth + 1 > Session.Limits.MaxNesting)
        {
            throw new ScriptError("MAXNESTING exceeded", declaration);
        }

        _callSites[Depth++] = callSite;
    }

    public void LeaveFunction() => Depth--;

    public void RestoreDepth(int depth) => Depth = depth;

    /// <summary>
    /// The stderr line for an uncaught error, in SystemTap 5.x's form:
    /// <c>ERROR: MSG near INNER (called from CALLER) … in probe PP</c>, or <c>ERROR: MSG</c>
    /// when the error has no location (as error("…") has none).
    /// </summary>
    public string Describe(ScriptError error)
    {
        if (error.Near is null)
        {
            return $"ERROR: {error.Message}";
        }

        var sb = new System.Text.StringBuilder("ERROR: ").Append(error.Message).Append(" near ").Append(error.Near);
        for (int i = Depth - 1; i >= 0; i--)
        {
            sb.Append(" (called from ").Append(_callSites[i]).Append(')');
        }

        if (ProbePoint.Length > 0)
        {
            sb.Append(" in probe ").Append(ProbePoint);
        }

        return sb.ToString();
    }
}
