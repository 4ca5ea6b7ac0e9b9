namespace FlightRec.Compiler.Parsing;

/// <summary>
/// The running system as the preprocessor's conditions see it: kernel version and
/// release (uname -r), architecture, and the kernel configuration
/// (/proc/config.gz or /boot/config-RELEASE). Unknown CONFIG_ options read as "".
/// </summary>
public sealed record SystemFacts(string KernelRelease, string Arch, IReadOnlyDictionary<string, string> Config)
{
    private static readonly Lazy<SystemFacts> LazyCurrent = new(SystemFactsReader.Read);

    public static SystemFacts Current => LazyCurrent.Value;

    /// <summary>The release without its suffix: "6.1.0" for "6.1.0-18-amd64".</summary>
    public string KernelVersion
    {
        get
        {
            int end = 0;
            while (end < KernelRelease.Length && (char.IsDigit(KernelRelease[end]) || KernelRelease[end] == '.'))
            {
                end++;
            }

            return KernelRelease[..end].TrimEnd('.');
        }
    }

    public string ConfigValue(string name) => Config.TryGetValue(name, out var v) ? v : "";
}
