using FlightRec.Compiler.Diagnostics;
using FlightRec.Compiler.Parsing.Preprocessing;

namespace FlightRec.Compiler.Parsing;

/// <summary>
/// The macros of the library macro files (<c>*.stpm</c>) on the tapset path
/// (LANGUAGE.md §2.3). They are visible in every file; a file's own macros of the same
/// name take precedence in that file.
/// </summary>
public sealed class MacroLibrary
{
    private readonly Dictionary<string, MacroDefinition> _macros;
    private readonly Dictionary<string, MacroDefinition>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    private MacroLibrary()
    {
        _macros = new Dictionary<string, MacroDefinition>(StringComparer.Ordinal);
        _bySpan = _macros.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static MacroLibrary Empty { get; } = new();

    /// <summary>The macro names, without '@', in ordinal order.</summary>
    public IReadOnlyList<string> Names => [.. _macros.Keys.Order(StringComparer.Ordinal)];

    public int Count => _macros.Count;

    internal bool TryGet(ReadOnlySpan<char> name, out MacroDefinition macro) =>
        _bySpan.TryGetValue(name, out macro!);

    /// <summary>
    /// Reads every <c>*.stpm</c> file of each directory: first those in the runtime's
    /// subfolder (<c>linux/</c>, or <c>bpf/</c> for the bpf runtime), then those in the
    /// directory itself, each group in ordinal order, as stap searches them. A file
    /// with a preprocessing error is skipped with warnings (as stap squashes errors in
    /// library files); a file that redefines a macro of an earlier file is rejected as a
    /// whole with an error. A relative path seen in an earlier directory is not read
    /// again, so a directory listed twice does not clash with itself.
    /// </summary>
    public static MacroLibrary Load(IEnumerable<string> tapsetDirectories, string runtime, ParseOptions options,
        DiagnosticBag diagnostics)
    {
        var library = new MacroLibrary();
        var fileOptions = options with { Library = library };
        var seenRelative = new HashSet<string>(StringComparer.Ordinal);
        string subfolder = runtime == "bpf" ? "bpf" : runtime == "dyninst" ? "dyninst" : "linux";
        foreach (string directory in tapsetDirectories)
        {
            foreach (string folder in new[] { Path.Combine(directory, subfolder), directory })
            {
                foreach (string path in MacroFiles(folder))
                {
                    if (seenRelative.Add(Path.GetRelativePath(directory, path)))
                    {
                        library.LoadFile(path, fileOptions, diagnostics);
                    }
                }
            }
        }

        return library;
    }

    private static string[] MacroFiles(string folder)
    {
        try
        {
            if (!Directory.Exists(folder))
            {
                return [];
            }

            string[] files = Directory.GetFiles(folder, "*.stpm", SearchOption.TopDirectoryOnly);
            Array.Sort(files, StringComparer.Ordinal);
            return files;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private void LoadFile(string path, ParseOptions options, DiagnosticBag diagnostics)
    {
        SourceFile file;
        try
        {
            file = SourceFile.Load(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(Diagnostic.Plain($"Input file '{path}' can't be opened for reading."));
            return;
        }

        var local = new DiagnosticBag();
        var preprocessor = new Preprocessor(options, local);
        bool ok = preprocessor.RunLibrary(TokenReader.Read(file, options.Arguments));
        foreach (var d in local.Items)
        {
            // Errors inside a library file only cost that file (stap's pf_squash_errors).
            diagnostics.Add(d.IsError ? d with { Severity = Severity.Warning, Kind = "WARNING" } : d);
        }

        if (ok && !AddAll(preprocessor.Macros, diagnostics))
        {
            ok = false;
        }

        if (!ok)
        {
            diagnostics.Add(Diagnostic.Warning($"macro tapset \"{path}\" has errors, and will be skipped."));
        }
    }

    /// <summary>Adds a file's macros, or none of them if any is already defined.</summary>
    private bool AddAll(IReadOnlyDictionary<string, MacroDefinition> macros, DiagnosticBag diagnostics)
    {
        foreach (string name in macros.Keys.Order(StringComparer.Ordinal))
        {
            if (_macros.TryGetValue(name, out var first))
            {
                diagnostics.Add(PreprocessorDiagnostics.Error(
                    $"duplicate definition of library macro '@{name}'", macros[name].NameToken));
                diagnostics.Add(PreprocessorDiagnostics.Error(
                    $"macro '@{name}' first defined here", first.NameToken));
                return false;
            }
        }

        foreach (var (name, macro) in macros)
        {
            macro.IsLibrary = true;
            _macros[name] = macro;
        }

        return true;
    }
}
