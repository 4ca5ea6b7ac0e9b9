using FlightRec.Compiler.Diagnostics;
using FlightRec.Compiler.Syntax;

namespace FlightRec.Compiler.Parsing;

/// <summary>
/// Every tapset script on the search path, parsed: <c>*.stp</c> and <c>*.frs</c> in each
/// directory's runtime subfolder (<c>linux/</c>), then the directory itself; a file whose
/// relative path an earlier directory already provided is skipped, as for macro files.
/// Tapset files are privileged (embedded code allowed). Pass 2 pulls in only those the
/// program needs (<see cref="Semantics.TapsetPass"/>).
/// </summary>
public sealed class TapsetLibrary(IReadOnlyList<ScriptFile> files)
{
    private static readonly string[] Extensions = ["*.stp", "*.frs"];

    public static TapsetLibrary Empty { get; } = new([]);

    public IReadOnlyList<ScriptFile> Files { get; } = files;

    public static TapsetLibrary Load(IEnumerable<string> directories, ParseOptions options, DiagnosticBag diagnostics)
    {
        var files = new List<ScriptFile>();
        var seenRelative = new HashSet<string>(StringComparer.Ordinal);
        string subfolder = options.Runtime == "bpf" ? "bpf" : options.Runtime == "dyninst" ? "dyninst" : "linux";
        foreach (string directory in directories)
        {
            foreach (string folder in new[] { Path.Combine(directory, subfolder), directory })
            {
                foreach (string path in ScriptsIn(folder))
                {
                    if (seenRelative.Add(Path.GetRelativePath(directory, path)) && Parse(path, options, diagnostics) is { } script)
                    {
                        files.Add(script);
                    }
                }
            }
        }

        return new TapsetLibrary(files);
    }

    private static ScriptFile? Parse(string path, ParseOptions options, DiagnosticBag diagnostics)
    {
        SourceFile source;
        try
        {
            source = SourceFile.Load(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(Diagnostic.Plain($"Input file '{path}' can't be opened for reading."));
            return null;
        }

        var result = ScriptParser.Parse(source, options, privileged: true);
        // A tapset holding only conditionals for other kernels is empty here, and that is fine.
        bool onlyEmpty = result.Script is null && result.Diagnostics.Where(d => d.IsError).All(d => d.Kind == "");
        if (!onlyEmpty)
        {
            diagnostics.AddRange(result.Diagnostics);
        }

        return result.Script;
    }

    private static IEnumerable<string> ScriptsIn(string folder)
    {
        try
        {
            if (!Directory.Exists(folder))
            {
                return [];
            }

            var files = Extensions.SelectMany(pattern => Directory.GetFiles(folder, pattern, SearchOption.TopDirectoryOnly)).ToArray();
            Array.Sort(files, StringComparer.Ordinal);
            return files;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
