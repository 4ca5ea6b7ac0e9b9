using FlightRec.Runtime.Linux;

namespace FlightRec.Runtime.Providers.Bpf;

/// <summary>
/// A capture program loaded and attached to one tracepoint, writing into a
/// <see cref="BpfCaptureChannel"/>. Disposing detaches it.
/// </summary>
public sealed class TracepointCaptureProbe : IDisposable
{
    private readonly BpfProgram _program;
    private readonly BpfTracepointAttachment _attachment;

    private TracepointCaptureProbe(TracepointCaptureSpec spec, BpfProgram program, BpfTracepointAttachment attachment)
    {
        Spec = spec;
        Layout = TracepointCaptureLayout.For(spec);
        _program = program;
        _attachment = attachment;
    }

    public TracepointCaptureSpec Spec { get; }

    public TracepointCaptureLayout Layout { get; }

    /// <summary>
    /// Emits, loads and attaches the program for <paramref name="spec"/> to the tracepoint with
    /// tracefs id <paramref name="tracepointId"/>. Throws <see cref="BpfVerifierException"/> if the
    /// kernel rejects the program, a Win32Exception if a map, the load or the attachment fails.
    /// </summary>
    public static TracepointCaptureProbe Attach(BpfCaptureChannel channel, int tracepointId, TracepointCaptureSpec spec)
    {
        var code = TracepointCaptureProgram.Emit(spec, channel.RingBuffer.FileDescriptor, channel.LostCounter.FileDescriptor);
        var program = BpfProgram.Load(BpfProgramType.Tracepoint, code, TracepointCaptureProgram.License, $"fr_capture_{spec.ProbeIndex}");
        try
        {
            return new TracepointCaptureProbe(spec, program, BpfTracepointAttachment.Attach(tracepointId, program));
        }
        catch
        {
            program.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        _attachment.Dispose();
        _program.Dispose();
    }
}
