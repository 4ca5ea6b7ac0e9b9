using System.Runtime.InteropServices;

namespace FlightRec.Runtime.Linux;

/// <summary>process_vm_readv(2): reads another process's memory without stopping it (root or the same user).</summary>
public static unsafe partial class ProcessMemory
{
    [StructLayout(LayoutKind.Sequential)]
    private struct IoVector
    {
        public void* Base;
        public nuint Length;
    }

    /// <summary>
    /// Copies from <paramref name="address"/> in process <paramref name="pid"/>; returns the bytes read
    /// before the first unreadable page (0 when the process is gone or the address is not mapped).
    /// </summary>
    private static readonly long PageSize = Environment.SystemPageSize;

    public static int Read(int pid, long address, Span<byte> destination)
    {
        if (destination.IsEmpty || pid <= 0)
        {
            return 0;
        }

        // The kernel does not split an iovec: a read that crosses into an unmapped page would
        // return nothing, so read page by page and stop at the first page that fails.
        int total = 0;
        fixed (byte* target = destination)
        {
            while (total < destination.Length)
            {
                long at = address + total;
                int chunk = (int)Math.Min(destination.Length - total, PageSize - (at & (PageSize - 1)));
                var local = new IoVector { Base = target + total, Length = (nuint)chunk };
                var remote = new IoVector { Base = (void*)at, Length = (nuint)chunk };
                nint read = process_vm_readv(pid, &local, 1, &remote, 1, 0);
                if (read <= 0)
                {
                    break;
                }

                total += (int)read;
                if (read < chunk)
                {
                    break;
                }
            }
        }

        return total;
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint process_vm_readv(int pid, IoVector* local, nuint localCount, IoVector* remote, nuint remoteCount, nuint flags);
}
