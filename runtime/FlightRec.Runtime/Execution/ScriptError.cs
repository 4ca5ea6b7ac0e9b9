namespace FlightRec.Runtime.Execution;

/// <summary>
/// A runtime error raised by script code (LANGUAGE.md §5.10, §5.15). <see cref="Message"/>
/// is the bare message a <c>catch (e)</c> sees ("division by 0"); <see cref="Near"/> is the
/// token description the generated code supplies ("operator '/' at t.frs:1:46"), printed as
/// <c>ERROR: division by 0 near operator '/' at t.frs:1:46</c>. Errors that try/catch may not
/// intercept (MAXACTION exceeded, abort) set <see cref="Catchable"/> false.
/// </summary>
public sealed class ScriptError : Exception
{
    public ScriptError(string message, string? near = null, bool catchable = true)
        : base(message)
    {
        Near = near;
        Catchable = catchable;
    }

    public string? Near { get; }

    public bool Catchable { get; }

    /// <summary>The line stap prints on stderr for an uncaught error, without the newline.</summary>
    public string Report => Near is null ? $"ERROR: {Message}" : $"ERROR: {Message} near {Near}";

    public static ScriptError DivisionByZero(string? near) => new("division by 0", near);
}
