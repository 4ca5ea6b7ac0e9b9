using System.Text;

namespace FlightRec.Conformance;

/// <summary>
/// Splits the manifest's ARGS column into words the way a POSIX shell would, minus every
/// expansion: the runner starts frstap without a shell, so quoting has to be undone here.
/// </summary>
internal static class ShellWords
{
    public static IReadOnlyList<string> Split(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        // A word can be empty ('' or ""), so "inside a word" cannot be read off word.Length.
        bool inWord = false;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c is ' ' or '\t' or '\n')
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }

                i++;
            }
            else if (c == '#' && !inWord)
            {
                // As in sh, '#' starts a comment only at the start of a word.
                while (i < text.Length && text[i] != '\n')
                {
                    i++;
                }
            }
            else if (c == '\\')
            {
                if (i + 1 >= text.Length)
                {
                    throw new FormatException($"trailing backslash in: {text}");
                }

                // Backslash-newline is a line continuation: it vanishes and does not start a word.
                if (text[i + 1] != '\n')
                {
                    word.Append(text[i + 1]);
                    inWord = true;
                }

                i += 2;
            }
            else if (c == '\'')
            {
                int end = text.IndexOf('\'', i + 1);
                if (end < 0)
                {
                    throw new FormatException($"unterminated single quote in: {text}");
                }

                word.Append(text, i + 1, end - i - 1);
                inWord = true;
                i = end + 1;
            }
            else if (c == '"')
            {
                i = ReadDoubleQuoted(text, i + 1, word);
                inWord = true;
            }
            else
            {
                word.Append(c);
                inWord = true;
                i++;
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    /// <summary>Reads up to the closing quote and returns the index after it.</summary>
    private static int ReadDoubleQuoted(string text, int i, StringBuilder word)
    {
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '"')
            {
                return i + 1;
            }

            // Inside double quotes a backslash only escapes the characters the shell would
            // otherwise treat specially there; before anything else it stays literal.
            if (c == '\\' && i + 1 < text.Length && text[i + 1] is '$' or '`' or '"' or '\\' or '\n')
            {
                if (text[i + 1] != '\n')
                {
                    word.Append(text[i + 1]);
                }

                i += 2;
            }
            else
            {
                word.Append(c);
                i++;
            }
        }

        throw new FormatException($"unterminated double quote in: {text}");
    }
}
