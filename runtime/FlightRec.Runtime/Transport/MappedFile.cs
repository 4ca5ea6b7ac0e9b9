using System.IO.MemoryMappedFiles;

namespace FlightRec.Runtime.Transport;

/// <summary>
/// A whole file mapped shared into memory. Files are created with their full size reserved
/// (posix_fallocate through PreallocationSize) so that a full tmpfs fails at creation with an
/// error instead of a SIGBUS in the middle of a write, and opened only after their length has
/// been checked, so a truncated file can never be read past its end.
/// </summary>
internal sealed unsafe class MappedFile : IDisposable
{
    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _view;
    private byte* _pointer;

    private MappedFile(MemoryMappedFile file, MemoryMappedViewAccessor view, long length)
    {
        _file = file;
        _view = view;
        Length = length;
        byte* start = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
        _pointer = start + view.PointerOffset;
    }

    public byte* Pointer => _pointer;

    public long Length { get; }

    /// <summary>Creates a new owner-only (0600) file of exactly <paramref name="length"/> zero bytes and maps it.</summary>
    public static MappedFile Create(string path, long length)
    {
        var stream = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Share = FileShare.ReadWrite,
            PreallocationSize = length,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        });
        try
        {
            stream.SetLength(length);
            return Map(stream, length, writable: true);
        }
        catch
        {
            stream.Dispose();
            File.Delete(path);
            throw;
        }
    }

    /// <summary>Maps an existing file whole; null when it is empty (nothing to map).</summary>
    public static MappedFile? Open(string path, bool writable)
    {
        var stream = new FileStream(path, FileMode.Open, writable ? FileAccess.ReadWrite : FileAccess.Read, FileShare.ReadWrite);
        long length = stream.Length;
        if (length == 0)
        {
            stream.Dispose();
            return null;
        }

        return Map(stream, length, writable);
    }

    private static MappedFile Map(FileStream stream, long length, bool writable)
    {
        var access = writable ? MemoryMappedFileAccess.ReadWrite : MemoryMappedFileAccess.Read;
        var file = MemoryMappedFile.CreateFromFile(stream, null, 0, access, HandleInheritability.None, leaveOpen: false);
        try
        {
            var view = file.CreateViewAccessor(0, length, access);
            return new MappedFile(file, view, length);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (_pointer != null)
        {
            _pointer = null;
            _view.SafeMemoryMappedViewHandle.ReleasePointer();
            _view.Dispose();
            _file.Dispose();
        }
    }
}
