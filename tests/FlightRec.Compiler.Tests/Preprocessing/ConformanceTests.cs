using FlightRec.Compiler.Diagnostics;
using FlightRec.Compiler.Parsing;
using Xunit;
using static FlightRec.Compiler.Tests.Preprocessing.PreprocessorHarness;

namespace FlightRec.Compiler.Tests.Preprocessing;

/// <summary>
/// Runs the preprocessor over the shared conformance corpus (read in place, never
/// copied: it is GPL test data). Skipped silently where the corpus is absent.
/// </summary>
public class ConformanceTests
{
    private const string Corpus = "/work/shared/conformance";

    private static string TapsetDir => Path.Combine(Corpus, "parse-tapset");

    private static MacroLibrary LoadTapsetLibrary(string runtime, DiagnosticBag bag) =>
        MacroLibrary.Load([TapsetDir], runtime, Options(runtime: runtime), bag);

    [Fact]
    public void TapsetLibraryLoadsWithoutDiagnostics()
    {
        if (!Directory.Exists(TapsetDir))
        {
            return;
        }

        foreach (string runtime in new[] { "kernel", "bpf" })
        {
            var bag = new DiagnosticBag();
            var library = LoadTapsetLibrary(runtime, bag);
            Assert.Empty(bag.Items);
            Assert.Contains("choose_defined", library.Names);
            Assert.Contains("__private30", library.Names);
        }
    }

    [Fact]
    public void TapsetFilesPreprocessWithoutErrors()
    {
        if (!Directory.Exists(TapsetDir))
        {
            return;
        }

        var kernel = LoadTapsetLibrary("kernel", new DiagnosticBag());
        var bpf = LoadTapsetLibrary("bpf", new DiagnosticBag());
        var failures = new List<string>();
        foreach (string path in Directory.GetFiles(TapsetDir, "*.stp", SearchOption.AllDirectories))
        {
            bool isBpf = path.Contains("/bpf/", StringComparison.Ordinal);
            var options = Options(guru: true, runtime: isBpf ? "bpf" : "kernel", library: isBpf ? bpf : kernel);
            var bag = new DiagnosticBag();
            var tokens = new Preprocessor(options, bag).Run(TokenReader.Read(SourceFile.Load(path), []));
            if (bag.HasErrors)
            {
                failures.Add($"{path}: {bag.Items.First(d => d.IsError).Message}");
            }

            Assert.DoesNotContain(tokens, t => TokenNames.IsAtWord(t.Type) && t.Type is Parsing.Generated.FrsLexer.AT_IDENT
                or Parsing.Generated.FrsLexer.AT_DEFINE);
        }

        Assert.Empty(failures);
    }

    [Theory]
    [InlineData("parse-ok/macros01.stp")]
    [InlineData("parse-ok/macros02.stp")]
    [InlineData("parse-ok/macros03.stp")]
    [InlineData("parse-ok/macros04.stp")]
    [InlineData("parse-ok/macros06.stp")]
    [InlineData("parse-ok/macros07.stp")]
    [InlineData("parse-ok/preprocess-wildcard.stp")]
    [InlineData("parse-ok/kconfig.stp")]
    public void AcceptedFilesHaveNoErrors(string relative)
    {
        string path = Path.Combine(Corpus, relative);
        if (!File.Exists(path))
        {
            return;
        }

        var result = Run(File.ReadAllText(path, SourceFile.Latin1), fileName: relative);
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        Assert.DoesNotContain("--ERROR--", result.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("parse-ko/macros01.stp", "expected identifier")]
    [InlineData("parse-ko/macros02.stp", "expected '%(' or '('")]
    [InlineData("parse-ko/macros03.stp", "incomplete macro definition - missing '%)'")]
    [InlineData("parse-ko/macros04.stp", "incomplete macro definition - missing '%)'")]
    [InlineData("parse-ko/macros05.stp", null)]
    [InlineData("parse-ko/macros06.stp", "expected '(' in invocation of macro '@foo' taking 1 parameter")]
    [InlineData("parse-ko/macros07.stp", "too many parameters for macro '@foo' (expected 1)")]
    [InlineData("parse-ko/macros08.stp", "attempt to redefine '@define'")]
    [InlineData("parse-ko/macros09.stp", "could not find end of macro invocation")]
    [InlineData("parse-ko/macros10.stp", "could not find end of macro invocation")]
    // stap's parser says "expected identifier or '*' or '{'" at the leftover @bluff.
    [InlineData("parse-ko/macros11.stp", "unknown operator @bluff")]
    [InlineData("parse-ko/preprocess01.stp", "expected string literal")]
    [InlineData("parse-ko/preprocess02.stp", "expected comparison operator")]
    [InlineData("parse-ko/preprocess03.stp", "expected string literal")]
    [InlineData("parse-ko/preprocess04.stp", "expected '==' or '!='")]
    [InlineData("parse-ko/preprocess05.stp", "expected 'arch', 'kernel_v', 'kernel_vr', 'systemtap_v',")]
    [InlineData("parse-ko/preprocess06.stp", "expected '%?' marker for conditional")]
    [InlineData("parse-ko/preprocess07.stp", "incomplete condition after '%('")]
    [InlineData("parse-ko/preprocess08.stp", "incomplete conditional at end of file")]
    [InlineData("parse-ko/preprocess08b.stp", "incomplete conditional at end of file")]
    [InlineData("parse-ko/preprocess09.stp", "incomplete conditional at end of file")]
    [InlineData("parse-ko/preprocess10.stp", "expected number literal as right value")]
    [InlineData("parse-ko/preprocess11.stp", "expected string literal as right value")]
    [InlineData("parse-ko/preprocess14.stp", "expected 'arch', 'kernel_v', 'kernel_vr', 'systemtap_v',")]
    [InlineData("parse-ko/preprocess15.stp", "expected 'arch', 'kernel_v', 'kernel_vr', 'systemtap_v',")]
    [InlineData("parse-ko/preprocess18.stp", "expected string literal")]
    [InlineData("parse-ko/preprocess19.stp", "expected '==' or '!='")]
    [InlineData("parse-ko/preprocess20.stp", "expected 0 or 1")]
    [InlineData("parse-ko/preprocess21.stp", "expected number")]
    [InlineData("parse-ko/preprocess22.stp", "expected '==' or '!='")]
    [InlineData("parse-ko/twentyone.stp", "unknown operator @foo")]
    public void RejectedFilesGiveStapsFirstError(string relative, string? firstLine)
    {
        string path = Path.Combine(Corpus, relative);
        if (!File.Exists(path))
        {
            return;
        }

        var result = Run(File.ReadAllText(path, SourceFile.Latin1), fileName: relative);
        if (firstLine is null)
        {
            // Empty after preprocessing: the driver reports it.
            Assert.Empty(result.Diagnostics);
            Assert.True(result.SawTokens);
            Assert.Single(result.Tokens);
            return;
        }

        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(firstLine, error.Message.Split('\n')[0]);
    }
}
