using FlightRec.Frstap;

return FrstapCommandLine.Run(args, Console.Out, Console.Error);
