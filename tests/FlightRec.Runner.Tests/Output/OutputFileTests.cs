using System.Text;
using FlightRec.Runner.Output;

namespace FlightRec.Runner.Tests.Output;

public sealed class OutputFileTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly FixedClock _clock = new(new DateTimeOffset(2024, 3, 5, 14, 7, 9, TimeSpan.Zero));

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void WithoutRotationEverythingGoesIntoThePlainName()
    {
        using (var file = Open("out", RotationLimit.None))
        {
            Write(file, "one\n", "two\n");
        }

        Assert.Equal(["out"], _directory.FileNames());
        Assert.Equal("one\ntwo\n", _directory.Read("out"));
    }

    [Fact]
    public void TruncatesAnExistingFile()
    {
        File.WriteAllText(_directory.File("out"), "old contents that are longer\n");

        using (var file = Open("out", RotationLimit.None))
        {
            Write(file, "new\n");
        }

        Assert.Equal("new\n", _directory.Read("out"));
    }

    [Fact]
    public void CreatesTheFirstFileBeforeAnythingIsWritten()
    {
        using var file = Open("out", new RotationLimit(10, 0));

        Assert.Equal(["out.0"], _directory.FileNames());
        Assert.Equal(_directory.File("out.0"), file.CurrentPath);
    }

    [Fact]
    public void AFileMayBeFilledExactlyToTheLimit()
    {
        using (var file = Open("out", new RotationLimit(10, 0)))
        {
            Write(file, "abcd", "efgh", "ij");
        }

        Assert.Equal(["out.0"], _directory.FileNames());
        Assert.Equal("abcdefghij", _directory.Read("out.0"));
    }

    [Fact]
    public void SwitchesBeforeAWriteThatWouldExceedTheLimit()
    {
        using (var file = Open("out", new RotationLimit(10, 0)))
        {
            Write(file, "abcd", "efgh", "ijk", "l");
        }

        Assert.Equal(["out.0", "out.1"], _directory.FileNames());
        Assert.Equal("abcdefgh", _directory.Read("out.0"));
        Assert.Equal("ijkl", _directory.Read("out.1"));
    }

    [Fact]
    public void ARecordLargerThanTheLimitFillsAFileAlone()
    {
        using (var file = Open("out", new RotationLimit(4, 0)))
        {
            Write(file, "ab", "cdefgh", "ij");
        }

        Assert.Equal(["out.0", "out.1", "out.2"], _directory.FileNames());
        Assert.Equal(["ab", "cdefgh", "ij"], [_directory.Read("out.0"), _directory.Read("out.1"), _directory.Read("out.2")]);
    }

    [Fact]
    public void KeepsOnlyTheNewestNFiles()
    {
        using (var file = Open("out", new RotationLimit(4, 3)))
        {
            // Six files' worth: out.0 … out.5, of which out.3, out.4, out.5 remain.
            Write(file, "0000", "1111", "2222", "3333", "4444", "55");
        }

        Assert.Equal(["out.3", "out.4", "out.5"], _directory.FileNames());
        Assert.Equal(["3333", "4444", "55"], [_directory.Read("out.3"), _directory.Read("out.4"), _directory.Read("out.5")]);
    }

    [Fact]
    public void KeepingZeroFilesMeansKeepingAll()
    {
        using (var file = Open("out", new RotationLimit(2, 0)))
        {
            Write(file, "00", "11", "22", "33");
        }

        Assert.Equal(["out.0", "out.1", "out.2", "out.3"], _directory.FileNames());
    }

    [Fact]
    public void KeepingOneFileLeavesOnlyTheCurrentOne()
    {
        using (var file = Open("out", new RotationLimit(2, 1)))
        {
            Write(file, "00", "11", "22");
        }

        Assert.Equal(["out.2"], _directory.FileNames());
        Assert.Equal("22", _directory.Read("out.2"));
    }

    [Fact]
    public void SwitchingWithoutRotationGoesFromFileToFileDot1ToFileDot2AndKeepsAll()
    {
        using (var file = Open("out", RotationLimit.None))
        {
            Write(file, "first\n");
            file.SwitchToNextFile();
            Write(file, "second\n");
            file.SwitchToNextFile();
            Write(file, "third\n");
        }

        Assert.Equal(["out", "out.1", "out.2"], _directory.FileNames());
        Assert.Equal(["first\n", "second\n", "third\n"], [_directory.Read("out"), _directory.Read("out.1"), _directory.Read("out.2")]);
    }

    [Fact]
    public void SwitchingWithRotationContinuesTheNumberingAndStartsANewSizeCount()
    {
        using (var file = Open("out", new RotationLimit(6, 2)))
        {
            Write(file, "aaaa");
            file.SwitchToNextFile();
            Write(file, "bbbb", "cc", "dd");
        }

        // out.0 (aaaa) was the oldest of three and is gone; out.1 holds a full 6 bytes.
        Assert.Equal(["out.1", "out.2"], _directory.FileNames());
        Assert.Equal(["bbbbcc", "dd"], [_directory.Read("out.1"), _directory.Read("out.2")]);
    }

    [Fact]
    public void SwitchingLeavesAnEmptyFileWhenNothingFollows()
    {
        using (var file = Open("out", RotationLimit.None))
        {
            Write(file, "x");
            file.SwitchToNextFile();
        }

        Assert.Equal(["out", "out.1"], _directory.FileNames());
        Assert.Equal("", _directory.Read("out.1"));
    }

    [Fact]
    public void TheTimeInTheNameIsTakenWhenEachFileIsOpened()
    {
        using (var file = Open("trace-%M%S", new RotationLimit(1, 0)))
        {
            Write(file, "a");
            _clock.UtcNow = _clock.UtcNow.AddMinutes(1);
            Write(file, "b");
        }

        Assert.Equal(["trace-0709.0", "trace-0809.1"], _directory.FileNames());
    }

    [Fact]
    public void RemovesOldFilesByTheNameTheyWereGiven()
    {
        using (var file = Open("trace-%S", new RotationLimit(1, 1)))
        {
            Write(file, "a");
            _clock.UtcNow = _clock.UtcNow.AddSeconds(1);
            Write(file, "b");
        }

        Assert.Equal(["trace-10.1"], _directory.FileNames());
    }

    [Fact]
    public void AFileRemovedByTheUserIsNotAnError()
    {
        using (var file = Open("out", new RotationLimit(1, 1)))
        {
            Write(file, "a");
            File.Delete(_directory.File("out.0"));
            Write(file, "b");
        }

        Assert.Equal(["out.1"], _directory.FileNames());
    }

    [Fact]
    public void WritesToDevNullWithoutCreatingOrRemovingAnything()
    {
        var names = new OutputFileNames("/dev/null", rotating: true, _clock);
        using (var file = new OutputFile(names, cpu: null, new RotationLimit(1, 1)))
        {
            Write(file, "a", "b", "c");
        }

        Assert.True(File.Exists("/dev/null"));
        Assert.Empty(_directory.FileNames());
    }

    [Fact]
    public void AFileThatCannotBeOpenedIsReportedWithItsNameAndReason()
    {
        string path = _directory.File("missing/out");

        var error = Assert.Throws<OutputFileException>(() => Open("missing/out", RotationLimit.None));

        Assert.Equal($"Couldn't open output file {path}: No such file or directory", error.Message);
    }

    [Fact]
    public void ACpuFileSequenceCarriesTheCpuNumber()
    {
        var names = new OutputFileNames(_directory.File("out"), rotating: true, _clock);
        using (var file = new OutputFile(names, cpu: 2, new RotationLimit(2, 0)))
        {
            Write(file, "ab", "c");
        }

        Assert.Equal(["out_cpu2.0", "out_cpu2.1"], _directory.FileNames());
    }

    [Fact]
    public void FiveMegabytesIntoOneMegabyteFilesKeepingThreeLeavesThreeFullFiles()
    {
        const int MiB = 1 << 20;
        var record = Encoding.ASCII.GetBytes(new string('x', 99) + "\n");
        using (var file = Open("out", new RotationLimit(MiB, 3)))
        {
            for (int written = 0; written < 5 * MiB; written += record.Length)
            {
                file.Write(record);
            }
        }

        // 1 MiB holds 10485 whole 100-byte records; 52429 records make files out.0 … out.5.
        Assert.Equal(["out.3", "out.4", "out.5"], _directory.FileNames());
        Assert.All(_directory.FileNames(), name => Assert.True(new FileInfo(_directory.File(name)).Length <= MiB));
        Assert.Equal([1_048_500L, 1_048_500L, 400L], _directory.FileNames().Select(n => new FileInfo(_directory.File(n)).Length));
    }

    private OutputFile Open(string name, RotationLimit limit) =>
        new(new OutputFileNames(_directory.File(name), limit.Rotates, _clock), cpu: null, limit);

    private static void Write(OutputFile file, params string[] texts)
    {
        foreach (string text in texts)
        {
            file.Write(Encoding.UTF8.GetBytes(text));
        }
    }
}
