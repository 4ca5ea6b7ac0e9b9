using FlightRec.Runtime.Linux;
using FlightRec.Runtime.Providers.Bpf;
using Xunit.Abstractions;

namespace FlightRec.Runtime.Tests.Bpf;

/// <summary>What the kernel says about programs it refuses, as the exception carries it.</summary>
[Collection(BpfKernelCollection.Name)]
public sealed class BpfProgramLoadTests(ITestOutputHelper log)
{
    [Fact]
    public void RejectedProgramReportsTheVerifierLog()
    {
        if (BpfKernel.OpenatFormat(log) is null)
        {
            return;
        }

        // Returns without setting r0: the verifier refuses reading an uninitialised register.
        var code = new BpfAssembler().Exit().Build();
        var error = Assert.Throws<BpfVerifierException>(
            () => BpfProgram.Load(BpfProgramType.Tracepoint, code, "GPL", "fr_invalid"));
        log.WriteLine(error.Message);
        Assert.Equal("bpf(BPF_PROG_LOAD \"fr_invalid\"): Permission denied; verifier log:", error.Message.Split('\n')[0]);
        Assert.Contains("\n0: (95) exit\nR0 !read_ok\n", error.Message);
        Assert.Equal(Errno.EACCES, error.ErrorNumber);
        Assert.Contains("R0 !read_ok", error.VerifierLog);
    }

    [Fact]
    public void GplOnlyHelperNeedsAGplLicense()
    {
        if (BpfKernel.OpenatFormat(log) is null)
        {
            return;
        }

        var code = new BpfAssembler()
            .Move(BpfRegister.R1, BpfRegister.R10)
            .Alu64(BpfAluOperation.Add, BpfRegister.R1, -8)
            .Move(BpfRegister.R2, 8)
            .Move(BpfRegister.R3, 0)
            .Call(BpfHelper.ProbeReadUserString)
            .Move(BpfRegister.R0, 0)
            .Exit()
            .Build();
        using (BpfProgram.Load(BpfProgramType.Tracepoint, code, "GPL", "fr_gpl"))
        {
        }

        var error = Assert.Throws<BpfVerifierException>(
            () => BpfProgram.Load(BpfProgramType.Tracepoint, code, "Proprietary", "fr_proprietary"));
        log.WriteLine(error.Message);
        Assert.Contains("cannot call GPL-restricted function from non-GPL compatible program", error.VerifierLog);
    }

    [Fact]
    public void RecordPrefixIsNotReadableFromTheContext()
    {
        if (BpfKernel.OpenatFormat(log) is null)
        {
            return;
        }

        // Why captured records start with 8 zero bytes: the verifier refuses ctx reads there.
        var code = new BpfAssembler()
            .Load(BpfSize.Word, BpfRegister.R0, BpfRegister.R1, 4)
            .Move(BpfRegister.R0, 0)
            .Exit()
            .Build();
        var error = Assert.Throws<BpfVerifierException>(
            () => BpfProgram.Load(BpfProgramType.Tracepoint, code, "GPL", "fr_prefix"));
        log.WriteLine(error.Message);
        Assert.Contains("invalid bpf_context access off=4 size=4", error.VerifierLog);
    }
}
