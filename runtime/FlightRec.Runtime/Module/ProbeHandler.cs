using FlightRec.Runtime.Execution;

namespace FlightRec.Runtime.Module;

/// <summary>A compiled probe body.</summary>
public delegate void ProbeHandler(HandlerContext context);
