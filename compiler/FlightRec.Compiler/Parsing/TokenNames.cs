using FlightRec.Compiler.Parsing.Generated;

namespace FlightRec.Compiler.Parsing;

/// <summary>How stap names tokens in messages: <c>keyword at …</c>, <c>identifier 'x' at …</c>.</summary>
internal static class TokenNames
{
    public static bool IsKeyword(int type) => type is >= FrsParser.PROBE and <= FrsParser.CATCH;

    public static bool IsAtWord(int type) => type is >= FrsParser.AT_DEFINE and <= FrsParser.AT_IDENT;

    public static string Category(int type) => type switch
    {
        FrsParser.IDENT or FrsParser.TARGETVAR => "identifier",
        FrsParser.NUMBER => "number",
        FrsParser.STRING => "string",
        FrsParser.EMBEDDED => "embedded-code",
        FrsParser.JUNK or FrsParser.UNCLOSED_STRING or FrsParser.UNCLOSED_EMBEDDED => "junk",
        _ when IsKeyword(type) => "keyword",
        _ => "operator",
    };

    /// <summary>The "saw:"/"at:" text, without the location.</summary>
    public static string Describe(FrsToken token)
    {
        string category = token.JunkMessage is not null ? "junk" : Category(token.Type);
        if (category is "keyword" or "embedded-code")
        {
            return category;
        }

        string text = token.Type == FrsParser.STRING ? token.Text[1..^1] : token.Text;
        var printable = new char[text.Length];
        for (int i = 0; i < text.Length; i++)
        {
            printable[i] = text[i] is >= ' ' and <= '~' ? text[i] : '?';
        }

        return $"{category} '{new string(printable)}'";
    }

    /// <summary>How a token type is named in an "expected …" message.</summary>
    public static string Expected(int type) => type switch
    {
        FrsParser.IDENT => "identifier",
        FrsParser.NUMBER => "number",
        FrsParser.STRING => "literal string",
        FrsParser.TARGETVAR => "$var",
        FrsParser.EMBEDDED => "'%{'",
        _ => "'" + FrsParser.DefaultVocabulary.GetLiteralName(type)?.Trim('\'') + "'",
    };
}
