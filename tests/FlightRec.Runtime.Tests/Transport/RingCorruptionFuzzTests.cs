using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using FlightRec.Runtime.Transport;
using Microsoft.Win32.SafeHandles;
using Xunit.Abstractions;

namespace FlightRec.Runtime.Tests.Transport;

/// <summary>
/// A crashed host's files, or files damaged on purpose, must never take a consumer down:
/// after bytes are flipped anywhere, fields set to extreme values, records forged with
/// valid commit words, files truncated, extended, zeroed, swapped or deleted, a dump never
/// throws, a consumer throws nothing but the documented open errors, neither hangs, and
/// neither delivers a record that the file does not hold with a valid commit word.
/// <para>
/// Each run draws a seed (logged); case i uses seed + i, so FLIGHTREC_FUZZ_SEED=&lt;seed&gt;
/// replays a run and FLIGHTREC_FUZZ_CASE=&lt;case seed&gt; one case; FLIGHTREC_FUZZ_CASES sets
/// the number of cases (default 1,000).
/// </para>
/// </summary>
public sealed class RingCorruptionFuzzTests(ITestOutputHelper output) : IDisposable
{
    private const string SeedVariable = "FLIGHTREC_FUZZ_SEED";
    private const string CaseVariable = "FLIGHTREC_FUZZ_CASE";
    private const string CountVariable = "FLIGHTREC_FUZZ_CASES";
    private const int DefaultCases = 1000;
    // Not a power of two, as with -b 3: a position's offset in the ring is then not its low bits.
    private const int Capacity = 80 * 1024;
    private const int MaxDrains = 16;
    private const string Session = "session";
    private static readonly string[] RingFiles = ["cpu0.ring", "cpu1.ring", "messages.ring"];
    private static readonly string[] AllFiles = [Session, .. RingFiles];
    private static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(30);

    private readonly string _root = Directory.CreateTempSubdirectory("flightrec-ring-fuzz-").FullName;

    [Fact]
    public async Task DamagedSessionFilesNeverCrashHangOrDeliverUncommittedRecords()
    {
        var pristine = RecordPristineSession(SessionPaths.For("fuzz", Path.Combine(_root, "pristine")));
        var recordOffsets = pristine.ToDictionary(f => f.Key, f => CommittedRecords.Offsets(f.Value).ToArray());
        var paths = SessionPaths.For("fuzz", Path.Combine(_root, "cases"));

        int first;
        int count;
        if (Environment.GetEnvironmentVariable(CaseVariable) is { Length: > 0 } single)
        {
            first = int.Parse(single, CultureInfo.InvariantCulture);
            count = 1;
            Log($"ring fuzz: replaying the single case {CaseVariable}={first}");
        }
        else
        {
            first = Environment.GetEnvironmentVariable(SeedVariable) is { Length: > 0 } seed
                ? int.Parse(seed, CultureInfo.InvariantCulture)
                : Random.Shared.Next();
            count = Environment.GetEnvironmentVariable(CountVariable) is { Length: > 0 } cases
                ? int.Parse(cases, CultureInfo.InvariantCulture)
                : DefaultCases;
            Log($"ring fuzz: {count} cases, seed {first} (replay with {SeedVariable}={first})");
        }

        for (int i = 0; i < count; i++)
        {
            int caseSeed = unchecked(first + i);
            string replay = $"{CaseVariable}={caseSeed}";
            string? failure;
            // A hang leaves its thread behind; the case is reported and the run stops there.
            try
            {
                failure = await Task.Run(() => RunCase(pristine, recordOffsets, paths, caseSeed)).WaitAsync(CaseTimeout);
            }
            catch (TimeoutException)
            {
                failure = $"did not finish within {CaseTimeout.TotalSeconds} s";
            }

            Assert.True(failure is null, $"case {i} ({replay}): {failure}");
        }
    }

    [Fact]
    public void ThePristineSessionIsReadWhole()
    {
        var pristine = RecordPristineSession(SessionPaths.For("fuzz", Path.Combine(_root, "pristine")));
        var paths = SessionPaths.For("fuzz", Path.Combine(_root, "copy"));
        Restore(paths, pristine);
        var sink = new ValidatingSink(CommittedRecords.Read(paths.Directory));

        var summary = SessionDump.Dump(paths, sink);

        Assert.Null(sink.Failure);
        Assert.Equal(1, summary.TornRecords);
        Assert.Equal(0, summary.DamagedRings);
        Assert.True(summary.Overwritten > 0);
        Assert.Contains(RingFiles, f => CommittedRecords.HasPadding(pristine[f]));
        Assert.Contains("WARNING: skipped a record torn by the crash in cpu1.ring (sequence 300)\n", sink.Messages);
    }

    /// <summary>
    /// Positions shifted by a multiple of the capacity leave every record valid where it is; a
    /// forged last record then claims to end past the largest long. Adding its size to its
    /// position must not wrap around to a negative position (an offset before the mapping).
    /// </summary>
    [Fact]
    public void PositionsAtTheEndOfTheLongRangeAreNotTrusted()
    {
        var paths = SessionPaths.For("fuzz", Path.Combine(_root, "end"));
        paths.CreateDirectory();
        var info = new SessionInfo("fuzz", "/nowhere/fuzz.dll", Environment.ProcessId, 1, RingPolicy.Discard, false, 1, Capacity);
        long gap = long.MaxValue % Capacity;
        using (SessionHeader.Create(paths.HeaderPath, info))
        using (var ring = RingWriter.Create(paths.RingPath(0), 0, Capacity, RingPolicy.Discard, Environment.ProcessId))
        using (RingWriter.Create(paths.MessagesPath, -1, Capacity, RingPolicy.Overwrite, Environment.ProcessId))
        {
            // Records of 64 bytes up to just below the offset the largest long has in the ring.
            for (long end = 64; end <= gap; end += 64)
            {
                ring.Commit(new byte[32]);
            }
        }

        using (var file = File.OpenHandle(paths.RingPath(0), FileMode.Open, FileAccess.ReadWrite))
        {
            long head = ReadInt64(file, RingLayout.HeadOffset);
            long delta = long.MaxValue - gap;
            RandomAccess.Write(file, BitConverter.GetBytes(head + delta), RingLayout.HeadOffset);
            RandomAccess.Write(file, BitConverter.GetBytes(delta), RingLayout.TailOffset);
            RandomAccess.Write(file, BitConverter.GetBytes(delta), RingLayout.ConsumerPositionOffset);
            var last = new byte[RingLayout.RecordHeaderSize];
            long offset = RingLayout.HeaderSize + head - 64;
            RandomAccess.Read(file, last, offset);
            int length = (int)(gap - head) + 64 + 1024;
            BinaryPrimitives.WriteInt32LittleEndian(last, length);
            ulong sequence = BinaryPrimitives.ReadUInt64LittleEndian(last.AsSpan(RingLayout.RecordSequenceOffset));
            BinaryPrimitives.WriteUInt32LittleEndian(last.AsSpan(RingLayout.RecordCommitOffset), RingLayout.CommitWord(sequence, length));
            RandomAccess.Write(file, last, offset);
        }

        var dumped = new ValidatingSink(CommittedRecords.Read(paths.Directory));
        SessionDump.Dump(paths, dumped);
        var consumed = new ValidatingSink(CommittedRecords.Read(paths.Directory));
        using (var reader = SessionReader.Open(paths))
        {
            reader.Drain(consumed);
        }

        Assert.Null(dumped.Failure);
        Assert.Null(consumed.Failure);
        Assert.Equal($"WARNING: cpu0.ring: its positions are impossible (head {long.MaxValue - gap + (gap / 64 * 64)}, tail {long.MaxValue - gap}); nothing recovered\n", dumped.Messages[0]);
    }

    /// <summary>
    /// Found by the fuzz (case 1279714484): two rings whose damaged headers claim near
    /// long.MaxValue dropped records each. Their total must saturate, not overflow.
    /// </summary>
    [Fact]
    public void LossCountersNearTheLongLimitSaturate()
    {
        var paths = SessionPaths.For("fuzz", Path.Combine(_root, "counters"));
        paths.CreateDirectory();
        var info = new SessionInfo("fuzz", "/nowhere/fuzz.dll", Environment.ProcessId, 1, RingPolicy.Discard, false, 2, Capacity);
        using (SessionHeader.Create(paths.HeaderPath, info))
        using (RingWriter.Create(paths.RingPath(0), 0, Capacity, RingPolicy.Discard, Environment.ProcessId))
        using (RingWriter.Create(paths.RingPath(1), 1, Capacity, RingPolicy.Discard, Environment.ProcessId))
        using (RingWriter.Create(paths.MessagesPath, -1, Capacity, RingPolicy.Overwrite, Environment.ProcessId))
        {
        }

        foreach (int cpu in new[] { 0, 1 })
        {
            using var file = File.OpenHandle(paths.RingPath(cpu), FileMode.Open, FileAccess.ReadWrite);
            RandomAccess.Write(file, BitConverter.GetBytes(long.MaxValue - 1), RingLayout.DroppedRecordsOffset);
        }

        var dumped = new ValidatingSink(CommittedRecords.Read(paths.Directory));
        var summary = SessionDump.Dump(paths, dumped);
        Assert.Null(dumped.Failure);
        Assert.Equal(long.MaxValue, summary.Dropped);
        Assert.StartsWith($"WARNING: {long.MaxValue} records (0 bytes) were dropped", dumped.Messages[0], StringComparison.Ordinal);
    }

    /// <summary>Restores the pristine files, damages them, and reads them as a dump and as a consumer would.</summary>
    private static string? RunCase(Dictionary<string, byte[]> pristine, Dictionary<string, int[]> recordOffsets, SessionPaths paths, int seed)
    {
        Restore(paths, pristine);
        var mutator = new SessionMutator(new Random(seed), paths.Directory, recordOffsets);
        var random = new Random(seed ^ 0x5EED);
        var applied = new List<string>();
        for (int m = 1 + random.Next(4); m > 0; m--)
        {
            applied.Add(mutator.Apply());
        }

        string? failure = Read(paths, new ValidatingSink(CommittedRecords.Read(paths.Directory)));
        return failure is null ? null : $"{failure}\nmutations: {string.Join("; ", applied)}";
    }

    private static string? Read(SessionPaths paths, ValidatingSink sink)
    {
        try
        {
            SessionDump.Dump(paths, sink);
        }
        catch (Exception e)
        {
            return $"SessionDump.Dump threw {e}";
        }

        SessionReader reader;
        try
        {
            reader = SessionReader.Open(paths);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return sink.Failure;
        }
        catch (Exception e)
        {
            return $"SessionReader.Open threw {e}";
        }

        using (reader)
        {
            try
            {
                int drains = 0;
                while (reader.Drain(sink))
                {
                    if (++drains == MaxDrains)
                    {
                        return $"Drain still delivered records after {MaxDrains} calls on unchanging files";
                    }
                }

                for (int cpu = 0; cpu < reader.CpuCount; cpu++)
                {
                    reader.DrainCpu(cpu, sink);
                }

                reader.DrainMessages(sink);
            }
            catch (Exception e)
            {
                return $"SessionReader.Drain threw {e}";
            }
        }

        try
        {
            // Again, now that the consumer has moved its read positions.
            SessionDump.Dump(paths, sink);
        }
        catch (Exception e)
        {
            return $"SessionDump.Dump after a drain threw {e}";
        }

        return sink.Failure;
    }

    private static void Restore(SessionPaths paths, Dictionary<string, byte[]> files)
    {
        if (Directory.Exists(paths.Directory))
        {
            Directory.Delete(paths.Directory, recursive: true);
        }

        Directory.CreateDirectory(paths.Directory);
        foreach (var (name, bytes) in files)
        {
            File.WriteAllBytes(Path.Combine(paths.Directory, name), bytes);
        }
    }

    /// <summary>
    /// Two overwrite rings that wrapped several times (records of varied sizes, so padding
    /// records), a message ring, a consumer that drained part of it and detached, and a host
    /// that then died: after committing a record on cpu0 without publishing it, and in the
    /// middle of one on cpu1.
    /// </summary>
    private static Dictionary<string, byte[]> RecordPristineSession(SessionPaths paths)
    {
        paths.CreateDirectory();
        int pid = Environment.ProcessId;
        // Start time 1 is never this process's: the host counts as dead, so a dump looks past each head.
        var info = new SessionInfo("fuzz", "/nowhere/fuzz.dll", pid, 1, RingPolicy.Overwrite, false, 2, Capacity);
        var random = new Random(4);
        using (var header = SessionHeader.Create(paths.HeaderPath, info))
        using (var cpu0 = RingWriter.Create(paths.RingPath(0), 0, Capacity, RingPolicy.Overwrite, pid))
        using (var cpu1 = RingWriter.Create(paths.RingPath(1), 1, Capacity, RingPolicy.Overwrite, pid))
        using (var messagesRing = RingWriter.Create(paths.MessagesPath, -1, Capacity, RingPolicy.Overwrite, pid))
        using (var messages = new MessageWriter(messagesRing))
        {
            header.State = HostState.Running;
            for (int i = 0; i < 1200; i++)
            {
                if (i == 1100)
                {
                    using var reader = SessionReader.Open(paths);
                    while (reader.Drain(new ValidatingSink(CommittedRecords.Read(paths.Directory))))
                    {
                    }
                }

                cpu0.Commit(Payload(random, 0, i, random.Next(0, 400)));
                if (i % 4 == 0)
                {
                    cpu1.Commit(Payload(random, 1, i, random.Next(0, 3000)));
                }

                if (i % 3 == 0)
                {
                    messages.WriteLine($"WARNING: fuzz message {i} {new string('m', random.Next(100, 300))}");
                }
            }

            CommitUnpublished(paths.RingPath(0), cpu0, Payload(random, 0, 1200, 100), tear: false);
            CommitUnpublished(paths.RingPath(1), cpu1, Payload(random, 1, 1200, 100), tear: true);
        }

        return AllFiles.ToDictionary(f => f, f => File.ReadAllBytes(Path.Combine(paths.Directory, f)));
    }

    private static byte[] Payload(Random random, int cpu, int index, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        string tag = $"cpu{cpu}:{index}\n";
        Encoding.ASCII.GetBytes(tag.AsSpan(0, Math.Min(length, tag.Length)), bytes);
        return bytes;
    }

    /// <summary>What a host killed after a commit (or during it, <paramref name="tear"/>) but before publishing the head leaves.</summary>
    private static void CommitUnpublished(string path, RingWriter ring, byte[] payload, bool tear)
    {
        // Unbuffered reads and writes: the writer changes the file through its mapping meanwhile.
        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
        long head = ReadInt64(file, RingLayout.HeadOffset);
        long next = ReadInt64(file, RingLayout.NextSequenceOffset);
        long stream = ReadInt64(file, RingLayout.StreamOffset);
        ring.Commit(payload);
        long end = ReadInt64(file, RingLayout.HeadOffset);
        RandomAccess.Write(file, BitConverter.GetBytes(head), RingLayout.HeadOffset);
        RandomAccess.Write(file, BitConverter.GetBytes(next), RingLayout.NextSequenceOffset);
        RandomAccess.Write(file, BitConverter.GetBytes(stream), RingLayout.StreamOffset);
        if (tear)
        {
            long record = (end - RingLayout.RecordSize(payload.Length)) % Capacity;
            RandomAccess.Write(file, new byte[4], RingLayout.HeaderSize + record + RingLayout.RecordCommitOffset);
        }
    }

    private static long ReadInt64(SafeFileHandle file, long offset)
    {
        var bytes = new byte[8];
        RandomAccess.Read(file, bytes, offset);
        return BitConverter.ToInt64(bytes);
    }

    // Console too, so the seed is in the CI log even when the runner hides test output (or the process dies).
    private void Log(string line)
    {
        output.WriteLine(line);
        Console.WriteLine(line);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>
    /// The oracle: every (timestamp, payload) that a ring file holds under a valid commit word,
    /// found by trying each 8-byte aligned offset (records are aligned) independently of the transport.
    /// </summary>
    private sealed class CommittedRecords
    {
        private readonly Dictionary<(string File, long Timestamp), List<byte[]>> _records = [];

        public static CommittedRecords Read(string directory)
        {
            var committed = new CommittedRecords();
            foreach (string name in RingFiles)
            {
                string path = Path.Combine(directory, name);
                if (!File.Exists(path))
                {
                    continue;
                }

                byte[] bytes = File.ReadAllBytes(path);
                foreach (int offset in Offsets(bytes))
                {
                    long timestamp = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(offset + RingLayout.RecordTimestampOffset));
                    int length = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(offset));
                    var key = (name, timestamp);
                    if (!committed._records.TryGetValue(key, out var payloads))
                    {
                        committed._records[key] = payloads = [];
                    }

                    payloads.Add(bytes.AsSpan(offset + RingLayout.RecordHeaderSize, length).ToArray());
                }
            }

            return committed;
        }

        /// <summary>File offsets of the records with a valid commit word whose payload lies inside the file.</summary>
        public static IEnumerable<int> Offsets(byte[] file)
        {
            for (int offset = RingLayout.HeaderSize; offset + RingLayout.RecordHeaderSize <= file.Length; offset += 8)
            {
                var header = file.AsSpan(offset, RingLayout.RecordHeaderSize);
                int length = BinaryPrimitives.ReadInt32LittleEndian(header);
                uint commit = BinaryPrimitives.ReadUInt32LittleEndian(header[RingLayout.RecordCommitOffset..]);
                ulong sequence = BinaryPrimitives.ReadUInt64LittleEndian(header[RingLayout.RecordSequenceOffset..]);
                if (length >= 0 && (long)offset + RingLayout.RecordHeaderSize + length <= file.Length
                    && commit == RingLayout.CommitWord(sequence, length))
                {
                    yield return offset;
                }
            }
        }

        public static bool HasPadding(byte[] file)
        {
            for (int offset = RingLayout.HeaderSize; offset + RingLayout.RecordHeaderSize <= file.Length; offset += 8)
            {
                if (BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(offset + RingLayout.RecordCommitOffset)) == RingLayout.PadCommit
                    && BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(offset)) == file.Length - offset)
                {
                    return true;
                }
            }

            return false;
        }

        public bool Contains(string file, long timestamp, ReadOnlySpan<byte> payload)
        {
            if (_records.TryGetValue((file, timestamp), out var payloads))
            {
                foreach (byte[] candidate in payloads)
                {
                    if (payload.SequenceEqual(candidate))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }

    /// <summary>Fails on anything delivered that the oracle does not know, except the reader's own one-line warnings.</summary>
    private sealed class ValidatingSink(CommittedRecords committed) : IRecordSink
    {
        public string? Failure { get; private set; }

        public List<string> Messages { get; } = [];

        public void Data(int cpu, long timestamp, ReadOnlySpan<byte> payload)
        {
            if (!committed.Contains($"cpu{cpu}.ring", timestamp, payload))
            {
                Failure ??= $"delivered {payload.Length} bytes at timestamp {timestamp} as data of cpu {cpu}, "
                    + $"but cpu{cpu}.ring holds no such record with a valid commit word";
            }
        }

        public void Message(long timestamp, ReadOnlySpan<byte> line)
        {
            Messages.Add(Encoding.UTF8.GetString(line));
            bool ownWarning = timestamp == 0 && line.StartsWith("WARNING: "u8) && line.IndexOf((byte)'\n') == line.Length - 1;
            if (!ownWarning && !committed.Contains("messages.ring", timestamp, line))
            {
                Failure ??= $"delivered the message {Messages[^1].TrimEnd()} at timestamp {timestamp}, "
                    + "but messages.ring holds no such record with a valid commit word";
            }
        }
    }

    /// <summary>One random damage to the files of a session, described for the failure message.</summary>
    private sealed class SessionMutator(Random random, string directory, Dictionary<string, int[]> recordOffsets)
    {
        private const int RingHeaderFields = 192;
        private const int SessionHeaderFields = 340;

        private static readonly (int Offset, int Width)[] RingFields =
        [
            (RingLayout.MagicOffset, 8), (RingLayout.VersionOffset, 4), (RingLayout.HeaderSizeOffset, 4),
            (RingLayout.CapacityOffset, 8), (RingLayout.CpuOffset, 4), (RingLayout.PolicyOffset, 4),
            (RingLayout.HostPidOffset, 4), (RingLayout.ClosedOffset, 4),
            (RingLayout.HeadOffset, 8), (RingLayout.HeadOffset, 8), (RingLayout.TailOffset, 8), (RingLayout.TailOffset, 8),
            (RingLayout.NextSequenceOffset, 8), (RingLayout.DroppedRecordsOffset, 8), (RingLayout.DroppedBytesOffset, 8),
            (RingLayout.StreamOffset, 8), (RingLayout.ConsumerPositionOffset, 8), (RingLayout.ConsumerPositionOffset, 8),
            (RingLayout.ConsumerSequenceOffset, 8), (RingLayout.ConsumerStreamOffset, 8),
            (RingLayout.ReportedDroppedRecordsOffset, 8), (RingLayout.ReportedDroppedBytesOffset, 8),
        ];

        // SessionHeader's layout: version, state, host pid, exit code, start time, policy, bulk,
        // cpu count, consumer pid, ring capacity, then the module name's and path's lengths.
        private static readonly (int Offset, int Width)[] SessionFields =
        [
            (0, 8), (8, 4), (12, 4), (16, 4), (20, 4), (24, 8), (32, 4), (36, 4), (40, 4), (40, 4), (44, 4), (48, 8), (64, 2), (320, 2),
        ];

        public string Apply() => random.Next(100) switch
        {
            < 28 => FlipBytes(),
            < 48 => SetField(),
            < 64 => ForgeRecord(),
            < 72 => Truncate(),
            < 77 => Extend(),
            < 81 => Delete(),
            < 85 => ShiftPositions(),
            < 93 => ZeroRegion(),
            _ => CopyOver(),
        };

        private string FlipBytes()
        {
            string name = Pick(AllFiles);
            if (Load(name) is not { Length: > 0 } bytes)
            {
                return $"flip in {name}: nothing to flip";
            }

            int center = random.Next(3) switch
            {
                0 => random.Next(Math.Min(bytes.Length, name == Session ? SessionHeaderFields : RingHeaderFields)),
                1 when recordOffsets[name] is { Length: > 0 } records =>
                    records[random.Next(records.Length)] + random.Next(RingLayout.RecordHeaderSize),
                _ => random.Next(bytes.Length),
            };
            int flips = 1 + random.Next(8);
            for (int f = 0; f < flips; f++)
            {
                int at = Math.Clamp(f == 0 ? center : center + random.Next(-32, 33), 0, bytes.Length - 1);
                bytes[at] ^= (byte)random.Next(1, 256);
            }

            Save(name, bytes);
            return $"flipped {flips} bytes of {name} around {center}";
        }

        private string SetField()
        {
            bool session = random.Next(4) == 0;
            string name = session ? Session : Pick(RingFiles);
            var (offset, width) = session ? SessionFields[random.Next(SessionFields.Length)] : RingFields[random.Next(RingFields.Length)];
            if (Load(name) is not { } bytes || bytes.Length < offset + width)
            {
                return $"set {name}[{offset}]: file missing or too short";
            }

            var field = bytes.AsSpan(offset, width);
            long current = width switch
            {
                2 => BinaryPrimitives.ReadUInt16LittleEndian(field),
                4 => BinaryPrimitives.ReadInt32LittleEndian(field),
                _ => BinaryPrimitives.ReadInt64LittleEndian(field),
            };
            long value = width == 8 ? InterestingLong(current) : InterestingInt(current);
            switch (width)
            {
                case 2:
                    BinaryPrimitives.WriteUInt16LittleEndian(field, (ushort)value);
                    break;
                case 4:
                    BinaryPrimitives.WriteInt32LittleEndian(field, (int)value);
                    break;
                default:
                    BinaryPrimitives.WriteInt64LittleEndian(field, value);
                    break;
            }

            Save(name, bytes);
            return $"set {name}[{offset}] from {current} to {value}";
        }

        /// <summary>A record header with a commit word that validates, over whatever bytes follow: only bounds checks stand between it and a fault.</summary>
        private string ForgeRecord()
        {
            string name = Pick(RingFiles);
            if (Load(name) is not { } bytes || bytes.Length < RingLayout.HeaderSize + RingLayout.RecordHeaderSize)
            {
                return $"forge in {name}: file missing or too short";
            }

            var header = bytes.AsSpan(0, RingLayout.HeaderSize);
            long head = BinaryPrimitives.ReadInt64LittleEndian(header[RingLayout.HeadOffset..]);
            long tail = BinaryPrimitives.ReadInt64LittleEndian(header[RingLayout.TailOffset..]);
            long consumer = BinaryPrimitives.ReadInt64LittleEndian(header[RingLayout.ConsumerPositionOffset..]);
            ulong next = BinaryPrimitives.ReadUInt64LittleEndian(header[RingLayout.NextSequenceOffset..]);
            int dataLength = bytes.Length - RingLayout.HeaderSize;
            long offset = random.Next(7) switch
            {
                0 => InRing(head),
                6 when LastRecordBefore(bytes, tail, head) is long last and >= 0 => last,
                1 => InRing(tail),
                2 => InRing(consumer),
                3 => Capacity - RingLayout.RecordHeaderSize - (8 * random.Next(3)),
                4 when recordOffsets[name] is { Length: > 0 } records => records[random.Next(records.Length)] - RingLayout.HeaderSize,
                _ => 8L * random.Next(Capacity / 8),
            };
            offset = Math.Min(offset, (dataLength - RingLayout.RecordHeaderSize) & ~7L);
            int contiguous = (int)(Capacity - offset);
            int length = random.Next(16) switch
            {
                0 => 0,
                1 => 1,
                2 => contiguous - RingLayout.RecordHeaderSize,
                3 => contiguous - RingLayout.RecordHeaderSize + 1,
                4 => contiguous - 24,
                5 => contiguous,
                6 => (Capacity / 4) - RingLayout.RecordHeaderSize,
                7 => (Capacity / 4) - RingLayout.RecordHeaderSize + 1,
                8 => int.MaxValue,
                9 => int.MaxValue - 30,
                10 => int.MaxValue - 38,
                11 => -1,
                12 => -RingLayout.RecordHeaderSize,
                13 => int.MinValue,
                _ => random.Next(Capacity),
            };
            ulong sequence = random.Next(6) switch
            {
                0 or 1 => next,
                2 => next - 1,
                3 => 0,
                4 => ulong.MaxValue,
                _ => (ulong)random.NextInt64(),
            };
            int kind = random.Next(20);
            uint commit = kind < 17 ? RingLayout.CommitWord(sequence, length) : kind < 19 ? RingLayout.PadCommit : (uint)random.Next();
            long timestamp = random.Next(4) switch
            {
                0 => 0,
                1 => long.MaxValue,
                _ => random.NextInt64(),
            };

            var record = bytes.AsSpan(RingLayout.HeaderSize + (int)offset, RingLayout.RecordHeaderSize);
            BinaryPrimitives.WriteInt32LittleEndian(record, length);
            BinaryPrimitives.WriteUInt32LittleEndian(record[RingLayout.RecordCommitOffset..], commit);
            BinaryPrimitives.WriteUInt64LittleEndian(record[RingLayout.RecordSequenceOffset..], sequence);
            BinaryPrimitives.WriteInt64LittleEndian(record[RingLayout.RecordTimestampOffset..], timestamp);
            BinaryPrimitives.WriteInt64LittleEndian(record[RingLayout.RecordStreamOffset..], random.NextInt64());
            string published = "";
            if (random.Next(3) == 0 && head >= 0)
            {
                // Publish it: the head moves to just past the forged record, whatever its length says.
                long position = head - (head % Capacity) + offset;
                long end = unchecked(position + ((RingLayout.RecordHeaderSize + (long)length + 7) & ~7L));
                BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(RingLayout.HeadOffset), end);
                published = $", head set to {end}";
            }

            Save(name, bytes);
            return $"forged a record in {name} at {offset}: length {length}, sequence {sequence}, commit {commit:x8}{published}";
        }

        /// <summary>
        /// Moves head, tail and read position by the same multiple of the capacity: every record
        /// still validates where it is, but the positions may now be near the end of a long.
        /// </summary>
        private string ShiftPositions()
        {
            string name = Pick(RingFiles);
            if (Load(name) is not { Length: >= RingLayout.HeaderSize } bytes)
            {
                return $"shift in {name}: file missing or too short";
            }

            long head = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(RingLayout.HeadOffset));
            long[] targets = [long.MaxValue, long.MaxValue - RingLayout.RecordHeaderSize, long.MaxValue - (Capacity / 2), 0, random.NextInt64()];
            long target = targets[random.Next(targets.Length)];
            long delta = unchecked(target - head) / Capacity * Capacity;
            foreach (int field in (int[])[RingLayout.HeadOffset, RingLayout.TailOffset, RingLayout.ConsumerPositionOffset])
            {
                var span = bytes.AsSpan(field);
                BinaryPrimitives.WriteInt64LittleEndian(span, unchecked(BinaryPrimitives.ReadInt64LittleEndian(span) + delta));
            }

            Save(name, bytes);
            return $"shifted the positions of {name} by {delta}";
        }

        private string Truncate()
        {
            string name = Pick(AllFiles);
            string path = Path.Combine(directory, name);
            if (!File.Exists(path) || new FileInfo(path).Length == 0)
            {
                return $"truncate {name}: nothing to truncate";
            }

            long length = new FileInfo(path).Length;
            long[] choices = [0, 1, 8, RingLayout.HeaderSize - 1, RingLayout.HeaderSize, RingLayout.HeaderSize + 1,
                RingLayout.HeaderSize + RingLayout.RecordHeaderSize, length - 1, length - 8, length - RingLayout.HeaderSize, random.NextInt64(length)];
            long to = Math.Clamp(choices[random.Next(choices.Length)], 0, length - 1);
            using (var file = new FileStream(path, FileMode.Open, FileAccess.Write))
            {
                file.SetLength(to);
            }

            return $"truncated {name} from {length} to {to} bytes";
        }

        private string Extend()
        {
            string name = Pick(AllFiles);
            string path = Path.Combine(directory, name);
            if (!File.Exists(path))
            {
                return $"extend {name}: missing";
            }

            long length = new FileInfo(path).Length;
            long[] choices = [1, 8, RingLayout.HeaderSize, 1 + random.Next(Capacity)];
            long to = length + choices[random.Next(choices.Length)];
            using (var file = new FileStream(path, FileMode.Open, FileAccess.Write))
            {
                file.SetLength(to);
            }

            return $"extended {name} from {length} to {to} bytes";
        }

        private string Delete()
        {
            int which = random.Next(AllFiles.Length + 1);
            if (which == AllFiles.Length)
            {
                if (Directory.Exists(directory))
                {
                    Directory.Delete(directory, recursive: true);
                }

                return "deleted the session directory";
            }

            if (Directory.Exists(directory))
            {
                File.Delete(Path.Combine(directory, AllFiles[which]));
            }

            return $"deleted {AllFiles[which]}";
        }

        private string ZeroRegion()
        {
            string name = Pick(AllFiles);
            if (Load(name) is not { Length: > 0 } bytes)
            {
                return $"zero in {name}: nothing to zero";
            }

            int start = random.Next(3) switch
            {
                0 => 0,
                1 => Math.Min(RingLayout.HeaderSize, bytes.Length - 1),
                _ => random.Next(bytes.Length),
            };
            int[] lengths = [8, RingLayout.RecordHeaderSize, RingLayout.HeaderSize, bytes.Length];
            int length = Math.Min(lengths[random.Next(lengths.Length)], bytes.Length - start);
            bytes.AsSpan(start, length).Clear();
            Save(name, bytes);
            return $"zeroed {length} bytes of {name} at {start}";
        }

        private string CopyOver()
        {
            string source = Pick(AllFiles);
            string target = Pick(AllFiles);
            if (source == target || !File.Exists(Path.Combine(directory, source)) || !Directory.Exists(directory))
            {
                return $"copy {source} over {target}: nothing to do";
            }

            File.Copy(Path.Combine(directory, source), Path.Combine(directory, target), overwrite: true);
            return $"copied {source} over {target}";
        }

        private long InterestingLong(long current)
        {
            long[] choices =
            [
                0, 1, -1, 7, 8, RingLayout.RecordHeaderSize, Capacity, Capacity - 8, Capacity + 8,
                current + 8, current - 8, current + RingLayout.RecordHeaderSize, current + Capacity, current - Capacity,
                current + (Capacity / 2), current * 2, long.MaxValue, long.MaxValue - 7, long.MaxValue - Capacity,
                long.MinValue, int.MaxValue, uint.MaxValue, random.NextInt64(),
            ];
            return choices[random.Next(choices.Length)];
        }

        private long InterestingInt(long current)
        {
            long[] choices = [0, 1, -1, 2, 3, 4096, 4097, int.MaxValue, int.MinValue, ushort.MaxValue, current + 1, current - 1, random.Next()];
            return choices[random.Next(choices.Length)];
        }

        /// <summary>The offset of the record that ends at the head, found by walking the ring from its tail; -1 if there is none.</summary>
        private static long LastRecordBefore(byte[] bytes, long tail, long head)
        {
            long last = -1;
            long position = tail;
            for (int steps = 0; position >= 0 && position < head && steps < Capacity / 8; steps++)
            {
                long offset = position % Capacity;
                long contiguous = Capacity - offset;
                if (contiguous < RingLayout.RecordHeaderSize || RingLayout.HeaderSize + offset + RingLayout.RecordHeaderSize > bytes.Length)
                {
                    position += contiguous;
                    continue;
                }

                var record = bytes.AsSpan(RingLayout.HeaderSize + (int)offset);
                int length = BinaryPrimitives.ReadInt32LittleEndian(record);
                if (BinaryPrimitives.ReadUInt32LittleEndian(record[RingLayout.RecordCommitOffset..]) == RingLayout.PadCommit)
                {
                    position += contiguous;
                    continue;
                }

                long size = RingLayout.RecordSize(length);
                if (length < 0 || size > contiguous)
                {
                    break;
                }

                last = offset;
                position += size;
            }

            return last;
        }

        private static long InRing(long position) => (((position % Capacity) + Capacity) % Capacity) & ~7L;

        private string Pick(string[] names) => names[random.Next(names.Length)];

        private byte[]? Load(string name)
        {
            string path = Path.Combine(directory, name);
            return File.Exists(path) ? File.ReadAllBytes(path) : null;
        }

        private void Save(string name, byte[] bytes) => File.WriteAllBytes(Path.Combine(directory, name), bytes);
    }
}
