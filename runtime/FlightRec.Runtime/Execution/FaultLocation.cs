using System.Diagnostics;

namespace FlightRec.Runtime.Execution;

/// <summary>
/// Where in the script an unexpected exception came from. Generated modules carry an embedded
/// PDB whose <c>#line</c> mapping names the .frs source, so the innermost stack frame with a
/// script file name is the statement that faulted — or, when the fault is inside embedded C#
/// (whose optimised code maps only roughly to its lines), the statement that called it.
/// </summary>
public static class FaultLocation
{
    /// <summary>"FILE:LINE", or null when no frame maps to a script (no PDB, or a runtime-only fault).</summary>
    public static string? Of(Exception exception)
    {
        foreach (var frame in new StackTrace(exception, fNeedFileInfo: true).GetFrames())
        {
            string? file = frame.GetFileName();
            int line = frame.GetFileLineNumber();
            if (!string.IsNullOrEmpty(file) && line > 0 && !file.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
            {
                return $"{file}:{line}";
            }
        }

        return null;
    }
}
