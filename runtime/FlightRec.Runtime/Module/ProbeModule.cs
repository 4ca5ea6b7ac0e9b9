namespace FlightRec.Runtime.Module;

/// <summary>
/// The module ABI: the base class of every compiled probe module. A module declares its
/// options, its globals and its probes; the host checks <see cref="AbiVersion"/>, sets
/// command-line globals, calls <see cref="InitializeGlobals"/> and runs the probes through
/// a session. Hand-written modules (tests, the host before the compiler) derive from it too.
/// </summary>
public abstract class ProbeModule
{
    /// <summary>The ABI this runtime implements; a module built for another is refused.</summary>
    public const int CurrentAbiVersion = 1;

    /// <summary>The ABI the module was built against (generated code leaves the default).</summary>
    public virtual int AbiVersion => CurrentAbiVersion;

    public abstract ModuleOptions Options { get; }

    public abstract IReadOnlyList<GlobalDescriptor> Globals { get; }

    public abstract IReadOnlyList<ProbeDescriptor> Probes { get; }

    /// <summary>Gives every global its initial value (before command-line assignments and begin probes).</summary>
    public abstract void InitializeGlobals();

    /// <summary>Refuses a module built for another ABI with a message for the user.</summary>
    public static void CheckCompatible(ProbeModule module)
    {
        if (module.AbiVersion != CurrentAbiVersion)
        {
            throw new InvalidOperationException(
                $"module {module.Options.Name} was built for FlightRec module ABI {module.AbiVersion}, " +
                $"but this runtime implements ABI {CurrentAbiVersion}; rebuild it with this frstap");
        }
    }

    /// <summary>Sets <c>name=value</c> from the command line; the message explains any refusal.</summary>
    public void AssignGlobal(string name, string value)
    {
        var global = Globals.FirstOrDefault(g => g.Name == name)
            ?? throw new ArgumentException($"module {Options.Name} has no global '{name}'");
        if (global.Assign is null)
        {
            throw new ArgumentException($"global '{name}' cannot be set from the command line: only long and string scalars can");
        }

        global.Assign(value);
    }
}
