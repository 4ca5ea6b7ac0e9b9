using FlightRec.Runtime.Execution;
using FlightRec.Runtime.Tapset;

namespace FlightRec.Runtime.Tests.Conformance;

/// <summary>
/// Bridges the tapset's <see cref="ISessionControl"/> to a <see cref="ScriptSession"/>, which does
/// not implement it (an API gap: exit()/abort()/warn() need this adapter in every host).
/// </summary>
internal sealed class SessionControl(ScriptSession session) : ISessionControl
{
    public void RequestExit() => session.RequestExit();

    public void Abort() => session.RequestExit();

    public void Warn(string message) => session.Warn(message);
}
