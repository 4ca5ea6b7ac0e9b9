using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace FlightRec.Compiler.Driver;

/// <summary>
/// The script cache's key: SHA-256 over every input passes 1–4 read — the script text and where it
/// was named from, each option that changes what they print or build, the tapset directories
/// (every file's path, size and modification time), the kernel (release, build and architecture,
/// which decide %( kernel_v %) and CONFIG_ conditions) and the files of this frstap installation
/// (so an upgraded compiler, Roslyn or runtime never reuses an entry). Scripts whose pass 2 read
/// tracefs are never stored: the kernel's event list can change without any of these changing.
/// </summary>
public static class ScriptCacheKey
{
    public static string Compute(CompilerOptions options, string scriptText, IReadOnlyList<string> tapsetDirectories)
    {
        var text = new StringBuilder();
        Append(text, "format", "1");
        Append(text, "cwd", Environment.CurrentDirectory);
        Append(text, "script-path", options.ScriptPath ?? "");
        Append(text, "script", scriptText);
        Append(text, "options", OptionsText(options));
        Append(text, "kernel", KernelText());
        Append(text, "installation", FilesText([Path.GetDirectoryName(typeof(ScriptCacheKey).Assembly.Location) ?? ""], "*.dll"));
        Append(text, "runtime-assembly", FilesText([], "", Building.ModuleReferences.DefaultRuntimeAssemblyPath));
        Append(text, "tapsets", FilesText(tapsetDirectories, "*"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>
    /// Whether a run with these options may use the script cache: it must build a module (-p4 or a
    /// run) and print nothing that only a real run of the passes can (-v's pass lines and times, -k's
    /// kept directory, -l/-L listings).
    /// </summary>
    public static bool Applies(CompilerOptions options) =>
        options.LastPass >= 4 && options.Verbosity == 0 && !options.KeepTemporary
        && options.Listing == ProbeListingMode.None;

    // Every option that passes 1-4 read; the pass-5 ones (-o, -c, -x, -S, -F) only go to frrun.
    private static string OptionsText(CompilerOptions o)
    {
        var text = new StringBuilder();
        void Field(string name, object? value) => Append(text, name, Convert.ToString(value, CultureInfo.InvariantCulture) ?? "<null>");
        void List(string name, IReadOnlyList<string> values)
        {
            Field(name + ".count", values.Count);
            foreach (string value in values)
            {
                Field(name, value);
            }
        }

        Field("pass", o.LastPass);
        Field("unoptimized", o.Unoptimized);
        Field("no-warnings", o.SuppressWarnings);
        Field("warnings-are-errors", o.WarningsAreErrors);
        Field("e", o.ScriptText is not null);
        List("arguments", o.Arguments);
        Field("guru", o.Guru);
        List("include", o.IncludeDirectories.Select(Path.GetFullPath).ToList());
        Field("compatible", o.CompatibleVersion);
        Field("runtime", o.Runtime);
        Field("kernel-release", o.KernelRelease);
        Field("tapset", o.TapsetDirectory);
        Field("module", o.ModuleName);
        List("defines", o.Defines);
        List("globals", o.GlobalAssignments);
        Field("overwrite", o.Overwrite);
        Field("bulk", o.Bulk);
        Field("buffer", o.BufferSizeMegabytes);
        Field("timeout", o.TimeoutMilliseconds);
        return text.ToString();
    }

    private static string KernelText() =>
        $"{ReadOrEmpty("/proc/sys/kernel/osrelease")}|{ReadOrEmpty("/proc/sys/kernel/version")}|{RuntimeInformation.OSArchitecture}";

    private static string ReadOrEmpty(string path)
    {
        try
        {
            return File.ReadAllText(path).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    // Path, size and modification time of each file, in a stable order; a missing directory says so.
    private static string FilesText(IReadOnlyList<string> directories, string pattern, params string[] files)
    {
        var text = new StringBuilder();
        foreach (string directory in directories)
        {
            if (!Directory.Exists(directory))
            {
                text.Append("missing ").Append(directory).Append('\n');
                continue;
            }

            var found = Directory.EnumerateFiles(directory, pattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal);
            foreach (string file in found)
            {
                AppendFile(text, file);
            }
        }

        foreach (string file in files)
        {
            AppendFile(text, file);
        }

        return text.ToString();
    }

    private static void AppendFile(StringBuilder text, string file)
    {
        var info = new FileInfo(file);
        text.Append(file).Append(' ');
        text.Append(info.Exists ? $"{info.Length} {info.LastWriteTimeUtc.Ticks}" : "missing").Append('\n');
    }

    // Length-prefixed fields, so no choice of values can make two different inputs hash alike.
    private static void Append(StringBuilder text, string field, string value) =>
        text.Append(field).Append(' ').Append(value.Length).Append(' ').Append(value).Append('\n');
}
