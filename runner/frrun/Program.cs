using FlightRec.Runner;
using FlightRec.Runner.Terminal;

// "frrun --host …" is the module host process (DESIGN.md "Host and probes"), not a user command.
if (args is ["--host", ..])
{
    return FlightRec.Runtime.Host.HostProgram.Run(args[1..], Console.Out);
}

return FrrunProgram.Run(args, StandardStreams.Process(), TimeProvider.System);
