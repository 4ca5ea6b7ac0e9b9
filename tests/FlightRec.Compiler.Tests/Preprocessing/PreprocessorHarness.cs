using Xunit;
using FlightRec.Compiler.Diagnostics;
using FlightRec.Compiler.Parsing;

namespace FlightRec.Compiler.Tests.Preprocessing;

/// <summary>Runs the preprocessor over a snippet with fixed system facts.</summary>
internal static class PreprocessorHarness
{
    public static readonly SystemFacts Facts = new("6.1.0-18-amd64", "x86_64", new Dictionary<string, string>
    {
        ["CONFIG_SMP"] = "y",
        ["CONFIG_EXT4_FS"] = "m",
        ["CONFIG_HZ"] = "250",
        ["CONFIG_NR_CPUS"] = "8192",
        ["CONFIG_HEX"] = "0x10",
        ["CONFIG_SIXTEEN"] = "16",
        ["CONFIG_DEFAULT_HOSTNAME"] = "(none)",
        ["CONFIG_HOSTNAME_COPY"] = "(none)",
    });

    public static ParseOptions Options(bool guru = false, string compatible = ParseOptions.DefaultCompatibleVersion,
        string runtime = "kernel", MacroLibrary? library = null, params string[] args) =>
        new()
        {
            Guru = guru,
            CompatibleVersion = compatible,
            Runtime = runtime,
            System = Facts,
            Arguments = args,
            Library = library ?? MacroLibrary.Empty,
        };

    public static Result Run(string source, ParseOptions? options = null, string fileName = "t.stp")
    {
        options ??= Options();
        var bag = new DiagnosticBag();
        var file = new SourceFile(fileName, source);
        var preprocessor = new Preprocessor(options, bag);
        var tokens = preprocessor.Run(TokenReader.Read(file, options.Arguments));
        return new Result(tokens, bag.Items, preprocessor.SawTokens);
    }

    /// <summary>The token texts, joined by spaces, without the final EOF.</summary>
    public static string Text(string source, ParseOptions? options = null)
    {
        var result = Run(source, options);
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        return result.Text;
    }

    /// <summary>The messages of the diagnostics of a run.</summary>
    public static string[] Errors(string source, ParseOptions? options = null) =>
        [.. Run(source, options).Diagnostics.Select(d => d.Message)];

    public sealed record Result(List<FrsToken> Tokens, IReadOnlyList<Diagnostic> Diagnostics, bool SawTokens)
    {
        public string Text => string.Join(' ', Tokens.Take(Tokens.Count - 1).Select(t => t.Text));
    }
}
