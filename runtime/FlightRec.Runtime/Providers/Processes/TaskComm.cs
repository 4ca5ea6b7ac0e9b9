using System.Runtime.CompilerServices;
using System.Text;

namespace FlightRec.Runtime.Providers.Processes;

/// <summary>A task's comm (TASK_COMM_LEN bytes, NUL-padded) held inline, so remembering one allocates nothing.</summary>
[InlineArray(Length)]
public struct TaskComm
{
    public const int Length = 16;

    private byte _first;

    /// <summary>The first NUL-terminated bytes of <paramref name="bytes"/> (at most 15 kept, as the kernel keeps).</summary>
    public static TaskComm From(ReadOnlySpan<byte> bytes)
    {
        var comm = default(TaskComm);
        int end = bytes.IndexOf((byte)0);
        var text = end < 0 ? bytes : bytes[..end];
        text[..Math.Min(text.Length, Length - 1)].CopyTo(comm);
        return comm;
    }

    public readonly override string ToString()
    {
        ReadOnlySpan<byte> bytes = this;
        int end = bytes.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? bytes : bytes[..end]);
    }
}
