using FlightRec.Runtime.Transport;

namespace FlightRec.Runner.Consumer;

/// <summary>One read of everything new in a session: merged by timestamp, or in bulk mode CPU by CPU and then the messages.</summary>
internal sealed class SessionDrain(SessionReader reader, IRecordSink sink, bool bulk)
{
    /// <summary>Reads what is there now; true if anything was.</summary>
    public bool Once()
    {
        if (!bulk)
        {
            return reader.Drain(sink);
        }

        bool any = false;
        for (int cpu = 0; cpu < reader.CpuCount; cpu++)
        {
            any |= reader.DrainCpu(cpu, sink);
        }

        return reader.DrainMessages(sink) | any;
    }

    /// <summary>Reads until nothing is left (the writer has stopped).</summary>
    public void Everything()
    {
        while (Once())
        {
        }
    }
}
