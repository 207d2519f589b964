using System.Text;

namespace Dyad.Text.Conllu;

/// <summary>Writes sentences in CoNLL-U, keeping comments, multi-word tokens and empty nodes where they were.</summary>
public static class ConlluWriter
{
    public static void Write(TextWriter writer, ConlluSentence sentence)
    {
        var sb = new StringBuilder(256);
        foreach (var c in sentence.Comments) sb.Append(c).Append('\n');
        int emptyIndex = 0;
        while (emptyIndex < sentence.EmptyNodes.Count && sentence.EmptyNodes[emptyIndex].AfterWord == 0)
            sb.Append(sentence.EmptyNodes[emptyIndex++].Line).Append('\n');
        for (int i = 0; i < sentence.Words.Count; i++)
        {
            var w = sentence.Words[i];
            var mwt = sentence.MultiwordStartingAt(w.Id);
            if (mwt != null)
                sb.Append(mwt.First).Append('-').Append(mwt.Last).Append('\t').Append(mwt.Form)
                  .Append("\t_\t_\t_\t_\t_\t_\t_\t").Append(mwt.Misc).Append('\n');
            sb.Append(w.Id).Append('\t').Append(w.Form).Append('\t').Append(w.Lemma).Append('\t')
              .Append(w.Upos).Append('\t').Append(w.Xpos).Append('\t').Append(w.Feats).Append('\t')
              .Append(w.Head < 0 ? "_" : w.Head.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('\t')
              .Append(w.Deprel).Append('\t').Append(w.Deps).Append('\t').Append(w.Misc).Append('\n');
            while (emptyIndex < sentence.EmptyNodes.Count && sentence.EmptyNodes[emptyIndex].AfterWord == i + 1)
                sb.Append(sentence.EmptyNodes[emptyIndex++].Line).Append('\n');
        }
        sb.Append('\n');
        writer.Write(sb.ToString());
    }
}
