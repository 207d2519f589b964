namespace Dyad.Text.Conllu;

/// <summary>Raised for a malformed CoNLL-U line; the message names the file and line.</summary>
public sealed class ConlluFormatException(string message) : FormatException(message);

/// <summary>Streams sentences from CoNLL-U text, one at a time.</summary>
public static class ConlluReader
{
    public static IEnumerable<ConlluSentence> ReadFile(string path)
    {
        using var reader = new StreamReader(path);
        foreach (var s in Read(reader, path)) yield return s;
    }

    public static IEnumerable<ConlluSentence> Read(TextReader reader, string name = "<input>")
    {
        ConlluSentence? current = null;
        int lineNumber = 0;
        string? line;
        while ((line = reader.ReadLine()) != null)
        {
            lineNumber++;
            if (line.Length == 0 || string.IsNullOrWhiteSpace(line))
            {
                if (current != null && current.Words.Count > 0) yield return current;
                current = null;
                continue;
            }
            current ??= new ConlluSentence { LineNumber = lineNumber };
            if (line[0] == '#')
            {
                current.Comments.Add(line);
                continue;
            }
            var cols = line.Split('\t');
            if (cols.Length != 10)
                throw new ConlluFormatException($"{name}:{lineNumber}: expected 10 tab-separated columns, found {cols.Length}");
            var id = cols[0];
            int dash = id.IndexOf('-');
            if (dash > 0)
            {
                if (!int.TryParse(id.AsSpan(0, dash), out int first) || !int.TryParse(id.AsSpan(dash + 1), out int last))
                    throw new ConlluFormatException($"{name}:{lineNumber}: bad multi-word token range '{id}'");
                current.MultiwordTokens.Add(new ConlluMultiwordToken(first, last, cols[1], cols[9]));
                continue;
            }
            if (id.Contains('.'))
            {
                current.EmptyNodes.Add((current.Words.Count, line));
                continue;
            }
            if (!int.TryParse(id, out int wordId) || wordId != current.Words.Count + 1)
                throw new ConlluFormatException($"{name}:{lineNumber}: word ID '{id}' out of sequence");
            int head = -1;
            if (cols[6] != "_" && !int.TryParse(cols[6], out head))
                throw new ConlluFormatException($"{name}:{lineNumber}: bad HEAD '{cols[6]}'");
            current.Words.Add(new ConlluWord
            {
                Id = wordId, Form = cols[1], Lemma = cols[2], Upos = cols[3], Xpos = cols[4], Feats = cols[5],
                Head = head, Deprel = cols[7], Deps = cols[8], Misc = cols[9],
            });
        }
        if (current != null && current.Words.Count > 0) yield return current;
    }
}
