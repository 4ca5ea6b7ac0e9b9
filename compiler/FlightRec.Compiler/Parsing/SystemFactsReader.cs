using System.IO.Compression;
using System.Runtime.InteropServices;

namespace FlightRec.Compiler.Parsing;

/// <summary>
/// Reads the running system's facts for preprocessor conditions: the kernel release
/// (as <c>uname -r</c>), the architecture in stap's naming, and the kernel
/// configuration. Never throws: whatever cannot be read is left empty, and conditions
/// on it then simply compare against "".
/// </summary>
internal static class SystemFactsReader
{
    public static SystemFacts Read()
    {
        string release = ReadKernelRelease();
        return new SystemFacts(release, ReadArch(), ReadConfig(release));
    }

    private static string ReadKernelRelease()
    {
        string? release = ReadFirstLine("/proc/sys/kernel/osrelease");
        if (!string.IsNullOrEmpty(release))
        {
            return release;
        }

        // "Linux 6.1.0-18-amd64 #1 SMP …" on Linux.
        string[] words = RuntimeInformation.OSDescription.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 1 ? words[1] : "";
    }

    private static string ReadArch()
    {
        // /proc/sys/kernel/arch is uname -m (Linux 6.1 and later).
        string? machine = ReadFirstLine("/proc/sys/kernel/arch");
        if (!string.IsNullOrEmpty(machine))
        {
            return NormalizeMachine(machine);
        }

        return RuntimeInformation.OSArchitecture switch
        {
            Architecture.X64 => "x86_64",
            Architecture.X86 => "i386",
            Architecture.Arm64 => "arm64",
            Architecture.Arm or Architecture.Armv6 => "arm",
            Architecture.S390x => "s390",
            Architecture.Ppc64le => "powerpc",
            Architecture.RiscV64 => "riscv",
            Architecture.LoongArch64 => "loongarch64",
            var other => other.ToString().ToLowerInvariant(),
        };
    }

    /// <summary>uname -m in the kernel's SUBARCH naming, which is what stap's arch condition sees.</summary>
    public static string NormalizeMachine(string machine) => machine switch
    {
        "i486" or "i586" or "i686" => "i386",
        "sun4u" => "sparc64",
        "sa110" => "arm",
        "s390x" => "s390",
        "aarch64" => "arm64",
        "riscv64" => "riscv",
        _ when machine.StartsWith("arm", StringComparison.Ordinal) => "arm",
        _ when machine.StartsWith("ppc", StringComparison.Ordinal) => "powerpc",
        _ when machine.StartsWith("mips", StringComparison.Ordinal) => "mips",
        _ when machine.StartsWith("sh2", StringComparison.Ordinal) || machine.StartsWith("sh3", StringComparison.Ordinal)
            || machine.StartsWith("sh4", StringComparison.Ordinal) => "sh",
        _ => machine,
    };

    private static Dictionary<string, string> ReadConfig(string release)
    {
        try
        {
            if (File.Exists("/proc/config.gz"))
            {
                using var stream = File.OpenRead("/proc/config.gz");
                using var gzip = new GZipStream(stream, CompressionMode.Decompress);
                using var reader = new StreamReader(gzip);
                return ParseConfig(reader);
            }

            string boot = "/boot/config-" + release;
            if (release.Length > 0 && File.Exists(boot))
            {
                using var reader = new StreamReader(boot);
                return ParseConfig(reader);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
        }

        return new Dictionary<string, string>(StringComparer.Ordinal);
    }

    /// <summary>
    /// <c>CONFIG_X=value</c> lines into a dictionary; comments ("# CONFIG_X is not set")
    /// are skipped, so unset options are absent. FR: a quoted string value loses its
    /// quotes, so that <c>CONFIG_X == "text"</c> compares the text.
    /// </summary>
    public static Dictionary<string, string> ParseConfig(TextReader reader)
    {
        var config = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (!line.StartsWith("CONFIG_", StringComparison.Ordinal))
            {
                continue;
            }

            int eq = line.IndexOf('=');
            if (eq < 0)
            {
                continue;
            }

            string value = line[(eq + 1)..];
            if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
            {
                value = value[1..^1];
            }

            config[line[..eq]] = value;
        }

        return config;
    }

    private static string? ReadFirstLine(string path)
    {
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }

            using var reader = new StreamReader(path);
            return reader.ReadLine()?.Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
