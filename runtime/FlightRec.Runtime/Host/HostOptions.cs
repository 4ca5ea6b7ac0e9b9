using System.Globalization;

namespace FlightRec.Runtime.Host;

/// <summary>
/// The host's command line, as frrun passes it:
/// <c>[--host] MODULE.dll [--name NAME] [--rename] [--overwrite] [--bulk] [--buffer-mb N] [--target PID [--stop-with-target]] [--consumer PID] [NAME=VALUE ...]</c>.
/// </summary>
public sealed record HostOptions
{
    public required string ModulePath { get; init; }

    /// <summary>The session name; null: the module's own name.</summary>
    public string? Name { get; init; }

    /// <summary>-R: append _PID to the name so it cannot collide with a loaded module.</summary>
    public bool Rename { get; init; }

    public bool Overwrite { get; init; }

    public bool Bulk { get; init; }

    /// <summary>Per-CPU ring size in MB (1–4095); null: the module's option.</summary>
    public int? BufferMegabytes { get; init; }

    /// <summary>target(); 0 if none. As with stap -x, the process need not exist and may exit.</summary>
    public int TargetPid { get; init; }

    /// <summary>The target is the command frrun started (-c): the module stops when it exits.</summary>
    public bool StopWithTarget { get; init; }

    /// <summary>
    /// The process that will attach as the first consumer (frrun streaming what it launched); 0 if
    /// none. A module that stops before any consumer attached waits for it, so that an early
    /// <c>exit()</c> cannot race the launcher's attach.
    /// </summary>
    public int ConsumerPid { get; init; }

    public IReadOnlyList<GlobalAssignment> Assignments { get; init; } = [];

    /// <summary>Parses the arguments; <see cref="HostException"/> with the user's line for anything wrong.</summary>
    public static HostOptions Parse(IReadOnlyList<string> args)
    {
        string? module = null;
        string? name = null;
        bool rename = false, overwrite = false, bulk = false;
        int? buffer = null;
        int target = 0;
        bool stopWithTarget = false;
        int consumer = 0;
        var assignments = new List<GlobalAssignment>();
        int i = args.Count > 0 && args[0] == "--host" ? 1 : 0;
        for (; i < args.Count; i++)
        {
            string arg = args[i];
            switch (arg)
            {
                case "--name":
                    name = Value(args, ref i);
                    break;
                case "--rename":
                    rename = true;
                    break;
                case "--overwrite":
                    overwrite = true;
                    break;
                case "--bulk":
                    bulk = true;
                    break;
                case "--buffer-mb":
                    string size = Value(args, ref i);
                    buffer = int.TryParse(size, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int mb) && mb is >= 1 and <= 4095
                        ? mb
                        : throw new HostException($"Invalid buffer size '{size}' (should be 1-4095).");
                    break;
                case "--target":
                    string pid = Value(args, ref i);
                    target = int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out int p) && p > 0
                        ? p
                        : throw new HostException("Invalid target process ID number.");
                    break;
                case "--stop-with-target":
                    stopWithTarget = true;
                    break;
                case "--consumer":
                    string consumerPid = Value(args, ref i);
                    consumer = int.TryParse(consumerPid, NumberStyles.None, CultureInfo.InvariantCulture, out int c) && c > 0
                        ? c
                        : throw new HostException($"Invalid consumer process ID '{consumerPid}'.");
                    break;
                default:
                    if (arg.StartsWith('-'))
                    {
                        throw new HostException($"unknown host option '{arg}'");
                    }

                    if (module is null)
                    {
                        module = arg;
                    }
                    else
                    {
                        assignments.Add(GlobalAssignment.Parse(arg));
                    }

                    break;
            }
        }

        return new HostOptions
        {
            ModulePath = module ?? throw new HostException("Need a module name or path to load."),
            Name = name,
            Rename = rename,
            Overwrite = overwrite,
            Bulk = bulk,
            BufferMegabytes = buffer,
            TargetPid = target,
            StopWithTarget = stopWithTarget,
            ConsumerPid = consumer,
            Assignments = assignments,
        };
    }

    private static string Value(IReadOnlyList<string> args, ref int i) =>
        ++i < args.Count ? args[i] : throw new HostException($"host option '{args[i - 1]}' needs a value");
}
