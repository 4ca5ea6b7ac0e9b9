namespace FlightRec.Runtime.Transport;

/// <summary>
/// Delivers the records of several rings' batches oldest first. Each batch is already in
/// time order (one writer per ring, monotonic clock), so a k-way merge over the batch heads
/// suffices. A batch that was cut short (more data in its ring than one read takes) ends the
/// merge when it runs out: the other rings' later records wait for the next read so that
/// nothing is delivered ahead of older data still in the ring.
/// </summary>
internal static class TimestampMerge
{
    /// <summary>Fills <paramref name="delivered"/> with how many records of each batch went to the sink.</summary>
    public static void Run(RecordBatch[] batches, int[] cpus, bool[] truncated, int[] delivered, IRecordSink sink)
    {
        Array.Clear(delivered);
        while (true)
        {
            int best = -1;
            long bestTime = long.MaxValue;
            for (int i = 0; i < batches.Length; i++)
            {
                if (delivered[i] < batches[i].Count)
                {
                    long t = batches[i][delivered[i]].Timestamp;
                    if (best < 0 || t < bestTime)
                    {
                        best = i;
                        bestTime = t;
                    }
                }
                else if (truncated[i])
                {
                    return;
                }
            }

            if (best < 0)
            {
                return;
            }

            ref readonly var entry = ref batches[best][delivered[best]];
            if (cpus[best] < 0)
            {
                sink.Message(entry.Timestamp, batches[best].Payload(entry));
            }
            else
            {
                sink.Data(cpus[best], entry.Timestamp, batches[best].Payload(entry));
            }

            delivered[best]++;
        }
    }
}
