using System.Text;
using FlightRec.Runner.Output;

namespace FlightRec.Runner.Tests.Output;

[Collection(ProcessStateCollection.Name)]
public sealed class DataOutputTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly FixedClock _clock = new(new DateTimeOffset(2024, 3, 5, 14, 7, 9, TimeSpan.Zero));

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void WithoutAFileStreamModeWritesEveryCpuToStdout()
    {
        var stdout = new MemoryStream();
        using (var output = OutputSettings.Stdout.Open(bulk: false, cpuCount: 2, stdout, _clock))
        {
            Write(output, (1, "b"), (0, "a"));
            output.SwitchFile();
            Write(output, (0, "c"));
        }

        Assert.Equal("bac", Encoding.ASCII.GetString(stdout.ToArray()));
        Assert.Empty(_directory.FileNames());
    }

    [Fact]
    public void StreamModeMergesEveryCpuIntoOneFile()
    {
        using (var output = new OutputSettings(_directory.File("out"), RotationLimit.None).Open(bulk: false, 2, Stream.Null, _clock))
        {
            Write(output, (1, "one\n"), (0, "zero\n"), (1, "two\n"));
        }

        Assert.Equal(["out"], _directory.FileNames());
        Assert.Equal("one\nzero\ntwo\n", _directory.Read("out"));
    }

    [Fact]
    public void BulkModeOpensOneFilePerCpuAtOnceAndKeepsEachCpusOutputApart()
    {
        using (var output = new OutputSettings(_directory.File("out"), RotationLimit.None).Open(bulk: true, 3, Stream.Null, _clock))
        {
            Write(output, (1, "one\n"), (0, "zero\n"), (1, "two\n"));
        }

        Assert.Equal(["out_cpu0", "out_cpu1", "out_cpu2"], _directory.FileNames());
        Assert.Equal(["zero\n", "one\ntwo\n", ""], [_directory.Read("out_cpu0"), _directory.Read("out_cpu1"), _directory.Read("out_cpu2")]);
    }

    [Fact]
    public void BulkModeSwitchesEveryCpuFileTogether()
    {
        using (var output = new OutputSettings(_directory.File("out"), RotationLimit.None).Open(bulk: true, 2, Stream.Null, _clock))
        {
            Write(output, (0, "a"), (1, "b"));
            output.SwitchFile();
            Write(output, (1, "c"));
        }

        Assert.Equal(["out_cpu0", "out_cpu0.1", "out_cpu1", "out_cpu1.1"], _directory.FileNames());
        Assert.Equal(["a", "", "b", "c"], _directory.FileNames().Select(_directory.Read));
    }

    [Fact]
    public void BulkModeRotatesEachCpuBySizeOnItsOwn()
    {
        using (var output = new OutputSettings(_directory.File("out"), new RotationLimit(2, 2)).Open(bulk: true, 2, Stream.Null, _clock))
        {
            Write(output, (0, "aa"), (0, "bb"), (0, "cc"), (1, "x"));
        }

        Assert.Equal(["out_cpu0.1", "out_cpu0.2", "out_cpu1.0"], _directory.FileNames());
        Assert.Equal(["bb", "cc", "x"], _directory.FileNames().Select(_directory.Read));
    }

    [Fact]
    public void BulkModeWithoutAFileWritesFrrunCpuFilesInTheCurrentDirectory()
    {
        string previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = _directory.Path;
        try
        {
            using var output = OutputSettings.Stdout.Open(bulk: true, 2, Stream.Null, _clock);
            Write(output, (1, "b"));
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }

        Assert.Equal(["frrun_cpu0", "frrun_cpu1"], _directory.FileNames());
        Assert.Equal("b", _directory.Read("frrun_cpu1"));
    }

    [Fact]
    public void AnUnopenableBulkFileLeavesNoOtherFileOpen()
    {
        Directory.CreateDirectory(_directory.File("out_cpu1"));
        var settings = new OutputSettings(_directory.File("out"), RotationLimit.None);

        var error = Assert.Throws<OutputFileException>(() => settings.Open(bulk: true, 2, Stream.Null, _clock));

        Assert.StartsWith($"Couldn't open output file {_directory.File("out_cpu1")}: ", error.Message);
    }

    private static void Write(IDataOutput output, params (int Cpu, string Text)[] records)
    {
        foreach (var (cpu, text) in records)
        {
            output.Write(cpu, Encoding.UTF8.GetBytes(text));
        }
    }
}
