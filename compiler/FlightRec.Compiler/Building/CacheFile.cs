namespace FlightRec.Compiler.Building;

/// <summary>
/// Writes a cache file whole under a unique temporary name and renames it into place, so that
/// concurrent frstap runs never read half an entry. The caches only save time: a failure to write
/// is reported as false, never as an error of the run.
/// </summary>
internal static class CacheFile
{
    public static bool WriteAtomically(string directory, string final, Action<Stream> write)
    {
        string temporary = $"{final}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(directory);
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            // rename(2) replaces the entry atomically: readers see the old file or the new one.
            File.Move(temporary, final, overwrite: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            return false;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing more to do: a stray .tmp file is harmless and never read as an entry.
        }
    }
}
