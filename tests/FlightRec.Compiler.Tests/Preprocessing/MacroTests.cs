using Xunit;
using FlightRec.Compiler.Parsing;
using FlightRec.Compiler.Parsing.Generated;
using static FlightRec.Compiler.Tests.Preprocessing.PreprocessorHarness;

namespace FlightRec.Compiler.Tests.Preprocessing;

public class MacroTests
{
    [Fact]
    public void ParameterlessMacro() =>
        Assert.Equal("probe begin { x = 1 + 2 }", Text("@define three %( 1 + 2 %) probe begin { x = @three }"));

    [Fact]
    public void MacroWithParameters() =>
        Assert.Equal("( a ) * ( b + 1 )", Text("@define mul(x, y) %( (@x) * (@y) %) @mul(a, b + 1)"));

    [Fact]
    public void ArgumentsNestBrackets() =>
        Assert.Equal("f ( a , b ) [ c , d ] | e", Text("@define two(x, y) %( @x | @y %) @two(f(a, b)[c, d], e)"));

    [Fact]
    public void EmptyArgument() => Assert.Equal("< >", Text("@define w(x) %( < @x > %) @w()"));

    [Fact]
    public void NestedInvocations()
    {
        const string source = """
            @define bar(b) %( [ @b ] %)
            @define foo(a) %( @bar(@a) @bar(@bar(@a)) %)
            @foo(begin)
            """;
        Assert.Equal("[ begin ] [ [ begin ] ]", Text(source));
    }

    [Fact]
    public void MacroInvocationAsArgumentOfItself() =>
        Assert.Equal("( ( 1 ) )", Text("@define p(x) %( ( @x ) %) @p(@p(1))"));

    [Fact]
    public void ParametersAreExpandedInTheCallersScope()
    {
        // @x inside the argument of the inner call is the outer macro's x, not the inner one's.
        const string source = """
            @define inner(x) %( inner:@x %)
            @define outer(x) %( @inner(@x @x) %)
            @outer(7)
            """;
        Assert.Equal("inner : 7 7", Text(source));
    }

    [Fact]
    public void ArgumentsAreNotExpandedBeforeUse()
    {
        // The argument is a closure: @one is expanded each time @x is used.
        const string source = """
            @define twice(x) %( @x @x %)
            @define one %( 1 %)
            @twice(@one)
            """;
        Assert.Equal("1 1", Text(source));
    }

    [Fact]
    public void ParameterlessMacroDoesNotConsumeParentheses() =>
        Assert.Equal("name ( a , b )", Text("@define foo %( name %) @foo(a, b)"));

    [Fact]
    public void MacroIsVisibleOnlyAfterItsDefinition()
    {
        var result = Run("@foo @define foo %( 1 %)");
        Assert.Equal(["unknown operator @foo"], result.Diagnostics.Select(d => d.Message));
    }

    [Fact]
    public void ConditionalDefinitionsInBothBranchesFollowTheLazyModel()
    {
        const string source = """
            %( arch == "x86_64" %? @define foo %( 1 %) %: @define foo %( 2 %) %)
            %( arch == "arm64" %? @define bar %( 3 %) %: @define bar %( 4 %) %)
            @foo @bar
            """;
        Assert.Equal("1 4", Text(source));
    }

    [Fact]
    public void BuiltinOperatorsPassThrough() =>
        Assert.Equal("@count ( x ) @cast ( p , \"task_struct\" ) @defined ( $y )",
            Text("@count(x) @cast(p, \"task_struct\") @defined($y)"));

    [Fact]
    public void MacroMayRedefineBuiltinOperatorWithWarning()
    {
        // parse-ok/macros07: the user gets a warning.
        var result = Run("@define min(a) %( @a %)\nprobe begin { print(@min(\"Hello\")) }");
        Assert.Equal("probe begin { print ( \"Hello\" ) }", result.Text);
        var warning = Assert.Single(result.Diagnostics);
        Assert.False(warning.IsError);
        Assert.Equal("macro redefines built-in operator '@min'", warning.Message);
        Assert.Equal("identifier 'min'", warning.Token);
    }

    [Fact]
    public void VersionGatedBuiltinsDoNotWarnBelowTheirVersion()
    {
        Assert.Single(Run("@define enum %( 1 %)").Diagnostics);
        Assert.Empty(Run("@define enum %( 1 %)", Options(compatible: "5.4")).Diagnostics);
    }

    [Fact]
    public void ExpandedTokensRememberTheInvocation()
    {
        var result = Run("@define two %( a b %)\n  x @two");
        var tokens = result.Tokens;
        Assert.Equal("x a b", result.Text);
        var a = tokens[1];
        var b = tokens[2];
        Assert.Equal(1, a.Line); // the body's place
        Assert.NotNull(a.ExpandedFrom);
        Assert.Equal("@two", a.ExpandedFrom!.Text);
        Assert.Equal(2, a.ExpandedFrom.Line);
        Assert.True(a.SpaceBefore); // takes the invocation's
        Assert.True(b.SpaceBefore);
        Assert.Null(tokens[0].ExpandedFrom);
        Assert.Equal(FrsLexer.Eof, tokens[^1].Type);
    }

    [Fact]
    public void FirstExpandedTokenTakesTheInvocationsSpacing()
    {
        var result = Run("@define b %( bar %) foo.@b");
        Assert.Equal("foo . bar", result.Text);
        Assert.False(result.Tokens[2].SpaceBefore);
    }

    [Fact]
    public void ConditionalInBodyAndDefinitionInConditionalWork()
    {
        const string source = """
            %( 1 == 1 %? @define k %( %( kernel_v >= "6" %? new %: old %) %) %)
            @k
            """;
        Assert.Equal("new", Text(source));
    }

    [Fact]
    public void PrivateIsAnIdentifierBefore30()
    {
        var result = Run("private x", Options(compatible: "2.9"));
        Assert.Equal(FrsLexer.IDENT, result.Tokens[0].Type);
        Assert.Equal(FrsLexer.PRIVATE, Run("private x").Tokens[0].Type);
        Assert.Equal("1", Text("@define private %( 1 %) @private", Options(compatible: "2.9")));
    }

    [Fact]
    public void SawTokens()
    {
        Assert.False(Run("# only a comment\n").SawTokens);
        var emptied = Run("@define foo %( cheese %)");
        Assert.True(emptied.SawTokens);
        Assert.Equal("", emptied.Text);
        Assert.Single(emptied.Tokens);
    }

    [Fact]
    public void LibraryMacroIsVisibleAndFileMacroShadowsIt()
    {
        var library = LibraryTests.Build(("a.stpm", "@define lib %( from_library %)"));
        var options = Options(library: library);
        Assert.Equal("from_library", Text("@lib", options));
        Assert.Equal("mine", Text("@define lib %( mine %) @lib", options));
    }

    [Fact]
    public void LibraryMacroBodySeesOnlyLibraryMacros()
    {
        var library = LibraryTests.Build(("a.stpm", """
            @define helper %( lib_helper %)
            @define user(x) %( @helper @local @x %)
            """));
        var options = Options(library: library);

        // @local inside the library body is not the file's macro; @x (an argument written
        // in the file) is expanded in the file's scope and sees the file's macros.
        var result = Run("@define local %( L %) @define helper %( H %) @user(@local @helper)", options);
        Assert.Equal("lib_helper", result.Text);
        Assert.Equal(["unknown operator @local"], result.Diagnostics.Select(d => d.Message));

        var other = Options(library: LibraryTests.Build(("b.stpm", """
            @define helper %( lib_helper %)
            @define userx(x) %( @helper @x %)
            """)));
        Assert.Equal("lib_helper L H", Text("@define local %( L %) @define helper %( H %) @userx(@local @helper)", other));
    }
}
