using Dyad.Nlp.Parsing;

namespace Dyad.Nlp;

/// <summary>
/// Stores the jackknifed tags of a training set ("UPOS TAB XPOS" per word, a blank line after each sentence), so
/// parser experiments can reuse the expensive fold taggers' output.
/// </summary>
public static class JackknifeTagFile
{
    public static void Write(string path, IReadOnlyList<ParserTrainingSentence> sentences)
    {
        using var w = new StreamWriter(path);
        foreach (var s in sentences)
        {
            for (int i = 0; i < s.Count; i++) { w.Write(s.Upos[i]); w.Write('\t'); w.WriteLine(s.Xpos[i]); }
            w.WriteLine();
        }
    }

    /// <summary>Replaces the tags of <paramref name="sentences"/>; the file must match them word for word.</summary>
    public static void Read(string path, IReadOnlyList<ParserTrainingSentence> sentences)
    {
        using var r = new StreamReader(path);
        int lineNo = 0;
        for (int k = 0; k < sentences.Count; k++)
        {
            var s = sentences[k];
            var upos = new string[s.Count];
            var xpos = new string[s.Count];
            for (int i = 0; i < s.Count; i++)
            {
                var line = r.ReadLine(); lineNo++;
                int tab = line?.IndexOf('\t') ?? -1;
                if (line == null || tab <= 0)
                    throw new InvalidDataException($"{path}:{lineNo}: expected 'UPOS<TAB>XPOS' for word {i + 1} of sentence {k + 1}");
                upos[i] = line[..tab];
                xpos[i] = line[(tab + 1)..];
            }
            var end = r.ReadLine(); lineNo++;
            if (end is not { Length: 0 })
                throw new InvalidDataException($"{path}:{lineNo}: sentence {k + 1} should end here (the tag file does not match the treebank)");
            s.Upos = upos;
            s.Xpos = xpos;
        }
        if (r.ReadLine() != null) throw new InvalidDataException($"{path}:{lineNo + 1}: more sentences than in the treebank");
    }
}
