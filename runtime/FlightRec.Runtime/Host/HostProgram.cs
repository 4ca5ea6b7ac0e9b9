using System.ComponentModel;
using FlightRec.Runtime.Linux;
using FlightRec.Runtime.Module;
using FlightRec.Runtime.Providers;

namespace FlightRec.Runtime.Host;

/// <summary>
/// <c>frrun --host MODULE.dll …</c>: the process that runs one module. It validates everything
/// before it creates anything, claims the session, runs the begin probes and arms the rest,
/// then writes exactly one line to <c>stdout</c> — <c>ready NAME PID</c>, or <c>ERROR: …</c> and
/// exit status 1 with nothing left behind — and leaves the launcher's terminal. It runs until
/// the module stops and returns the module's exit status (1 if an ERROR was reported).
/// </summary>
public static class HostProgram
{
    public static int Run(string[] args, TextWriter stdout) => Run(args, stdout, detach: true, Transport.SessionPaths.Root);

    /// <summary>Tests run a host in-process, under their own root: it must not take the test runner's stdio.</summary>
    internal static int Run(string[] args, TextWriter stdout, bool detach, string root)
    {
        LoadedModule? loaded = null;
        ModuleHost host;
        try
        {
            var options = HostOptions.Parse(args);
            loaded = ModuleLoader.Load(options.ModulePath);
            Validate(loaded.Module, options);
            int target = options.StopWithTarget ? OpenTarget(options.TargetPid) : -1;
            Transport.SessionPaths paths;
            try
            {
                string name = SessionName(loaded.Module, options);
                CheckSocketPathLength(Transport.SessionPaths.For(name, root));
                paths = SessionClaim.Claim(name, root);
            }
            catch
            {
                if (target >= 0)
                {
                    FileDescriptors.Close(target);
                }

                throw;
            }

            // From here the host owns the target descriptor and the directory, and releases both on failure.
            host = ModuleHost.Start(loaded.Module, options, paths, target);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            loaded?.Dispose();
            // A probe the machine refuses (no root, no tracefs, no such counter) is the user's to fix: its message alone, in one line.
            stdout.Write($"ERROR: {(e is HostException or ProbeRegistrationException or ProbePointException ? e.Message : Describe(e))}\n");
            stdout.Flush();
            return 1;
        }

        stdout.Write($"ready {host.Name} {Environment.ProcessId}\n");
        stdout.Flush();
        if (detach)
        {
            ProcessSession.Detach();
        }

        using (loaded)
        {
            return host.RunToCompletion();
        }
    }

    // sockaddr_un holds 108 bytes with the terminating NUL: a longer runtime directory cannot host a session.
    private static void CheckSocketPathLength(Transport.SessionPaths paths)
    {
        const int MaxSocketPath = 107;
        int length = System.Text.Encoding.UTF8.GetByteCount(paths.ControlSocketPath);
        if (length > MaxSocketPath)
        {
            throw new HostException(
                $"the control socket {paths.ControlSocketPath} would be {length} bytes long (at most {MaxSocketPath}): use a shorter FLIGHTREC_RUNTIME_DIR or module name");
        }
    }

    /// <summary>What can be checked without creating anything: probe points, globals, the buffer size.</summary>
    private static void Validate(ProbeModule module, HostOptions options)
    {
        try
        {
            ProviderRegistry.Default.Validate(module);
        }
        catch (ProbePointException e)
        {
            throw new HostException(e.Message);
        }

        _ = ModuleHost.RingCapacity(module, options);
        if (options.Assignments.Count > 0)
        {
            // A trial run on fresh globals; the session initialises them again before begin.
            module.InitializeGlobals();
            foreach (var assignment in options.Assignments)
            {
                assignment.ApplyTo(module);
            }
        }
    }

    private static string SessionName(ProbeModule module, HostOptions options)
    {
        string name = options.Name ?? module.Options.Name;
        return options.Rename ? $"{name}_{Environment.ProcessId}" : name;
    }

    /// <summary>A pidfd for the target, -1 without one.</summary>
    private static int OpenTarget(int pid)
    {
        if (pid == 0)
        {
            return -1;
        }

        try
        {
            return PidFd.Open(pid);
        }
        catch (Win32Exception e) when (e.NativeErrorCode == Errno.ESRCH)
        {
            throw new HostException($"target process {pid} does not exist");
        }
    }

    private static string Describe(Exception e) => $"module host failed: {e.GetType().Name}: {e.Message}";
}
