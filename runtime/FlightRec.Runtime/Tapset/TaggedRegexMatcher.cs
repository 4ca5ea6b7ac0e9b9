namespace FlightRec.Runtime.Tapset;

/// <summary>
/// Runs a <see cref="RegexProgram"/> the way stap's tagged DFA (stapregex-dfa.cxx) decides a match
/// when the script reads matched()/ngroups(): all paths advance together over the whole subject,
/// a path that reaches the same state as a higher-priority one is dropped (the DFA merges them
/// and keeps the higher priority's tags), and at each position the highest-priority accepting
/// path is the candidate. The first candidate fixes the match's start; a later candidate
/// replaces it only if it starts at the same place and is longer. So the match is not POSIX's
/// leftmost-longest: its start is that of the match that ends first (<c>"abcd" =~ "abcd|c"</c>
/// matches "c"), then it is the longest from there, with the groups of the preferred path
/// (left alternatives first, greedy closures).
/// </summary>
internal sealed class TaggedRegexMatcher(RegexProgram program)
{
    /// <summary>The tags of the match (start and end of each group, −1 when unset), or null.</summary>
    public int[]? Match(string subject)
    {
        int length = subject.IndexOf('\0', StringComparison.Ordinal) is var nul and >= 0 ? nul : subject.Length;
        var code = program.Code;
        var current = new List<(int Pc, int[] Tags)>();
        var next = new List<(int Pc, int[] Tags)>();
        var seen = new int[code.Count];
        int generation = 1;
        int[]? found = null;

        var start = new int[program.TagCount];
        Array.Fill(start, -1);
        Add(current, 0, start, 0, length, seen, generation);
        for (int position = 0; position <= length && current.Count > 0; position++)
        {
            generation++;
            next.Clear();
            bool candidateSeen = false;
            foreach (var (pc, tags) in current)
            {
                var instruction = code[pc];
                if (instruction.Operation == RegexOperation.Match)
                {
                    if (!candidateSeen)
                    {
                        candidateSeen = true;
                        if (found is null || (tags[0] == found[0] && tags[1] - tags[0] > found[1] - found[0]))
                        {
                            found = tags;
                        }
                    }
                }
                else if (position < length && subject[position] < 256 && instruction.Bytes![subject[position]])
                {
                    Add(next, pc + 1, tags, position + 1, length, seen, generation);
                }
            }

            (current, next) = (next, current);
        }

        return found;
    }

    /// <summary>Follows the instructions that consume nothing from <paramref name="pc"/>, in priority order.</summary>
    private void Add(List<(int Pc, int[] Tags)> threads, int pc, int[] tags, int position, int length, int[] seen, int generation)
    {
        if (seen[pc] == generation)
        {
            return;
        }

        seen[pc] = generation;
        var instruction = program.Code[pc];
        switch (instruction.Operation)
        {
            case RegexOperation.Jump:
                Add(threads, instruction.First, tags, position, length, seen, generation);
                break;
            case RegexOperation.Split:
                Add(threads, instruction.First, tags, position, length, seen, generation);
                Add(threads, instruction.Second, tags, position, length, seen, generation);
                break;
            case RegexOperation.Tag:
                int[] copy = (int[])tags.Clone();
                copy[instruction.First] = position;
                Add(threads, pc + 1, copy, position, length, seen, generation);
                break;
            case RegexOperation.Start:
                if (position == 0)
                {
                    Add(threads, pc + 1, tags, position, length, seen, generation);
                }

                break;
            case RegexOperation.End:
                if (position == length)
                {
                    Add(threads, pc + 1, tags, position, length, seen, generation);
                }

                break;
            default:
                threads.Add((pc, tags));
                break;
        }
    }
}
