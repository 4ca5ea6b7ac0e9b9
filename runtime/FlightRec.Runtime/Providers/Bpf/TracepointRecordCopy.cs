namespace FlightRec.Runtime.Providers.Bpf;

/// <summary>
/// The part of a capture program that copies the tracepoint record from the context (r6) into
/// the reserved ring record (r7): the fixed part by direct loads, or with its __data_loc data.
/// </summary>
internal static class TracepointRecordCopy
{
    private const BpfRegister Context = TracepointCaptureProgram.Context;
    private const BpfRegister Record = TracepointCaptureProgram.Record;

    // Callee-saved: survives the helper call that copies.
    private const BpfRegister Length = BpfRegister.R9;

    /// <summary>
    /// Copies the record with direct context loads, each the widest the alignment allows (the
    /// verifier wants them aligned). The first 8 bytes are zeroed, not copied (see
    /// <see cref="TracepointCaptureLayout.UnreadableRecordPrefix"/>); so is the padding to 8.
    /// </summary>
    public static void EmitFixed(BpfAssembler asm, int recordSize)
    {
        int destination = TracepointCaptureLayout.RecordOffset;
        asm.StoreImmediate(BpfSize.DoubleWord, Record, (short)destination, 0);
        int offset = TracepointCaptureLayout.UnreadableRecordPrefix;
        while (offset < recordSize)
        {
            int width = 8;
            while (offset % width != 0 || offset + width > recordSize)
            {
                width /= 2;
            }

            asm.Load(TracepointCaptureProgram.SizeOf(width), BpfRegister.R1, Context, (short)offset)
                .Store(TracepointCaptureProgram.SizeOf(width), Record, (short)(destination + offset), BpfRegister.R1);
            offset += width;
        }

        for (; offset % 8 != 0; offset++)
        {
            asm.StoreImmediate(BpfSize.Byte, Record, (short)(destination + offset), 0);
        }
    }

    /// <summary>
    /// Copies the record up to where its dynamic data ends — the furthest end any
    /// <c>__data_loc</c> word points to, at least the fixed part, at most the capacity — with one
    /// bpf_probe_read_kernel from the context (the verifier allows only constant offsets for
    /// direct loads), and stores that length in the header. Data past the capacity is not copied:
    /// a string there reads cut, never with bytes that are not its own. The first 8 bytes are
    /// zeroed after the copy (they hold the kernel's pt_regs pointer).
    /// </summary>
    public static void EmitWithData(BpfAssembler asm, TracepointCaptureSpec spec, TracepointCaptureLayout layout)
    {
        asm.Move(Length, spec.RecordSize);
        foreach (var location in spec.DataLocations)
        {
            if (location.Offset < TracepointCaptureLayout.UnreadableRecordPrefix || location.Offset % 4 != 0 || location.Offset + 4 > spec.RecordSize)
            {
                throw new ArgumentException(
                    $"a __data_loc word must be an aligned 4-byte field at offset 8 or more inside the {spec.RecordSize}-byte record; {location.Offset} is not");
            }

            var shorter = asm.DefineLabel();
            asm.Load(BpfSize.Word, BpfRegister.R1, Context, (short)location.Offset)
                .Move(BpfRegister.R2, BpfRegister.R1)
                .Alu64(BpfAluOperation.And, BpfRegister.R2, 0xffff)
                .Alu64(BpfAluOperation.RightShift, BpfRegister.R1, 16)
                .Alu64(BpfAluOperation.Add, BpfRegister.R1, BpfRegister.R2);
            if (location.IsRelative)
            {
                asm.Alu64(BpfAluOperation.Add, BpfRegister.R1, location.Offset + 4);
            }

            asm.JumpIf(BpfJumpCondition.LessOrEqual, BpfRegister.R1, Length, shorter)
                .Move(Length, BpfRegister.R1)
                .Mark(shorter);
        }

        var fits = asm.DefineLabel();
        asm.JumpIf(BpfJumpCondition.LessOrEqual, Length, layout.RecordSize, fits)
            .Move(Length, layout.RecordSize)
            .Mark(fits)
            .Move(BpfRegister.R1, Record)
            .Alu64(BpfAluOperation.Add, BpfRegister.R1, TracepointCaptureLayout.RecordOffset)
            .Move(BpfRegister.R2, Length)
            .Move(BpfRegister.R3, Context)
            .Call(BpfHelper.ProbeReadKernel)
            .StoreImmediate(BpfSize.DoubleWord, Record, TracepointCaptureLayout.RecordOffset, 0)
            .Store(BpfSize.HalfWord, Record, TracepointCaptureLayout.RecordLengthOffset, Length);
    }
}
