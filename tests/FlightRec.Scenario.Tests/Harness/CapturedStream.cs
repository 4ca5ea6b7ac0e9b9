using System.Text;

namespace FlightRec.Scenario.Tests.Harness;

/// <summary>Everything a child wrote to one of its pipes, byte for byte, readable while it still runs.</summary>
internal sealed class CapturedStream
{
    private readonly MemoryStream _bytes = new();
    private readonly Task _copy;

    public CapturedStream(Stream pipe)
    {
        _copy = Task.Run(async () =>
        {
            var buffer = new byte[64 * 1024];
            int n;
            while ((n = await pipe.ReadAsync(buffer).ConfigureAwait(false)) > 0)
            {
                lock (_bytes)
                {
                    _bytes.Write(buffer, 0, n);
                }
            }
        });
    }

    public string Text
    {
        get
        {
            lock (_bytes)
            {
                return Encoding.UTF8.GetString(_bytes.GetBuffer(), 0, (int)_bytes.Length);
            }
        }
    }

    /// <summary>Waits for end of file: every process holding the pipe's write end has closed it.</summary>
    public bool WaitForEnd(TimeSpan timeout) => _copy.Wait(timeout);
}
