namespace FlightRec.Frstap;

/// <summary>
/// stap counts <c>-v</c>: each one, alone or run together (<c>-vvv</c>), raises the verbosity.
/// System.CommandLine has no counted flag, so the flags are taken out before parsing, except
/// where a word is the value of an option that takes one (<c>-e -v</c> is a script).
/// </summary>
internal static class VerbosityFlags
{
    private static readonly HashSet<string> TakesValue =
        ["-p", "-e", "-I", "-D", "-m", "-o", "-s", "-c", "-x", "-T", "-G", "-S", "-r", "-l", "-L", "--compatible", "--runtime"];

    public static (string[] Remaining, int Verbosity) Extract(string[] args)
    {
        var rest = new List<string>(args.Length);
        int verbosity = 0;
        for (int i = 0; i < args.Length; i++)
        {
            string word = args[i];
            if (word.Length >= 2 && word[0] == '-' && word.AsSpan(1).IndexOfAnyExcept('v') < 0)
            {
                verbosity += word.Length - 1;
                continue;
            }

            rest.Add(word);
            if (TakesValue.Contains(word) && i + 1 < args.Length)
            {
                rest.Add(args[++i]);
            }
        }

        return ([.. rest], verbosity);
    }
}
