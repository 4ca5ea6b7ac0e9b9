using FlightRec.Compiler.Syntax;

namespace FlightRec.Compiler.Semantics;

/// <summary>
/// Pulls in the tapset files the program needs (LANGUAGE.md §4.2a): a file joins when it
/// defines a public function (by name and arity), a public global or a probe alias that an
/// included file uses, transitively, and then joins whole (its own probes included). Names
/// the user script declares itself never pull a tapset in.
/// </summary>
public sealed class TapsetPass : ISemanticPass
{
    public void Run(SemanticContext context)
    {
        if (context.Library.Files.Count == 0)
        {
            return;
        }

        var index = new Index(context.Library.Files);
        var userFunctions = context.Script.Functions.Select(f => (f.Name, f.Parameters.Length)).ToHashSet();
        var userGlobals = GlobalNames(context.Script);
        var included = new HashSet<ScriptFile>(ReferenceEqualityComparer.Instance) { context.Script };
        var pending = new Queue<ScriptFile>([context.Script]);
        while (pending.TryDequeue(out var file))
        {
            var ownGlobals = GlobalNames(file);
            foreach (var needed in Needs(file, index, userFunctions, name => userGlobals.Contains(name) || ownGlobals.Contains(name)))
            {
                if (included.Add(needed))
                {
                    context.Files.Add(needed);
                    pending.Enqueue(needed);
                }
            }
        }
    }

    private static IEnumerable<ScriptFile> Needs(ScriptFile file, Index index, HashSet<(string, int)> userFunctions,
        Func<string, bool> declared)
    {
        foreach (var declaration in file.Declarations)
        {
            switch (declaration)
            {
                case ProbeDeclaration probe:
                    foreach (var point in probe.Points)
                    {
                        foreach (var provider in index.AliasesMatching(point))
                        {
                            yield return provider;
                        }

                        if (point.Condition is { } condition)
                        {
                            foreach (var provider in Used(condition, index, userFunctions, declared, []))
                            {
                                yield return provider;
                            }
                        }
                    }

                    foreach (var body in new[] { probe.Body, probe.Epilogue }.OfType<Block>())
                    {
                        foreach (var provider in Used(body, index, userFunctions, declared, []))
                        {
                            yield return provider;
                        }
                    }

                    break;
                case FunctionDeclaration function:
                    var parameters = function.Parameters.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
                    foreach (var provider in Used(function.Body, index, userFunctions, declared, parameters))
                    {
                        yield return provider;
                    }

                    break;
            }
        }
    }

    private static IEnumerable<ScriptFile> Used(Node body, Index index, HashSet<(string, int)> userFunctions,
        Func<string, bool> declared, HashSet<string> parameters)
    {
        foreach (var node in SyntaxChildren.DescendantsAndSelf(body))
        {
            switch (node)
            {
                case FunctionCall call when !userFunctions.Contains((call.Name, call.Arguments.Length)):
                    foreach (var provider in index.Functions((call.Name, call.Arguments.Length)))
                    {
                        yield return provider;
                    }

                    break;
                case Variable variable when !parameters.Contains(variable.Name) && !declared(variable.Name):
                    foreach (var provider in index.Globals(variable.Name))
                    {
                        yield return provider;
                    }

                    break;
            }
        }
    }

    private static HashSet<string> GlobalNames(ScriptFile file) =>
        file.Globals.SelectMany(g => g.Variables).Select(v => v.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>Who defines what, over the public declarations of every tapset file.</summary>
    private sealed class Index
    {
        private readonly Dictionary<(string, int), List<ScriptFile>> _functions = [];
        private readonly Dictionary<string, List<ScriptFile>> _globals = new(StringComparer.Ordinal);
        private readonly List<(ProbePoint Name, ScriptFile File)> _aliases = [];

        public Index(IEnumerable<ScriptFile> files)
        {
            foreach (var file in files)
            {
                foreach (var declaration in file.Declarations)
                {
                    switch (declaration)
                    {
                        case FunctionDeclaration { Private: false } f:
                            Add(_functions, (f.Name, f.Parameters.Length), file);
                            break;
                        case GlobalDeclaration { Private: false } g:
                            foreach (var v in g.Variables)
                            {
                                Add(_globals, v.Name, file);
                            }

                            break;
                        case ProbeDeclaration { Kind: not AliasKind.None } alias:
                            _aliases.AddRange(alias.AliasNames.Select(n => (n, file)));
                            break;
                    }
                }
            }
        }

        public IEnumerable<ScriptFile> Functions((string, int) key) => _functions.GetValueOrDefault(key) ?? [];

        public IEnumerable<ScriptFile> Globals(string name) => _globals.GetValueOrDefault(name) ?? [];

        /// <summary>
        /// Files with an alias the point may expand through: each alias component matched, any suffix
        /// allowed. When none does, the files whose aliases share the point's first component, so that
        /// a misspelt <c>syscall.opnat</c> gets stap's "probe point mismatch (similar: openat, …)".
        /// </summary>
        public IEnumerable<ScriptFile> AliasesMatching(ProbePoint point)
        {
            var covering = _aliases.Where(a => Covers(point, a.Name)).Select(a => a.File).Distinct().ToList();
            return covering.Count > 0 || point.Components.Length == 0
                ? covering
                : _aliases.Where(a => a.Name.Components.Length > 0 && a.Name.Components[0].Name == point.Components[0].Name)
                    .Select(a => a.File).Distinct();
        }

        private static bool Covers(ProbePoint point, ProbePoint alias)
        {
            for (int i = 0; i < alias.Components.Length; i++)
            {
                if (i >= point.Components.Length)
                {
                    return false;
                }

                string pattern = point.Components[i].Name;
                if (pattern.Contains("**", StringComparison.Ordinal))
                {
                    return true;
                }

                if (!Glob.Matches(pattern, alias.Components[i].Name))
                {
                    return false;
                }
            }

            return true;
        }

        private static void Add<TKey>(Dictionary<TKey, List<ScriptFile>> map, TKey key, ScriptFile file)
            where TKey : notnull
        {
            if (!map.TryGetValue(key, out var list))
            {
                map[key] = list = [];
            }

            if (!list.Contains(file))
            {
                list.Add(file);
            }
        }
    }
}
