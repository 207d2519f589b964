using Dyad.Text;
using Dyad.Text.Conllu;

namespace Dyad.Nlp;

/// <summary>Moves sentences between CoNLL-U records and the pipeline's <see cref="Sentence"/> model.</summary>
public static class ConlluSentences
{
    /// <summary>
    /// A <see cref="Sentence"/> over the syntactic words of a CoNLL-U sentence. Offsets are into the words joined
    /// with their SpaceAfter spacing, so the tokens are consistent with a reconstructed text; gold columns are ignored.
    /// </summary>
    public static Sentence ToSentence(ConlluSentence record)
    {
        var tokens = new Token[record.Words.Count];
        int offset = 0;
        for (int i = 0; i < tokens.Length; i++)
        {
            var w = record.Words[i];
            tokens[i] = new Token(offset, offset + w.Form.Length, w.Form) { SpaceAfter = w.SpaceAfter };
            offset += w.Form.Length + (w.SpaceAfter ? 1 : 0);
        }
        int end = tokens.Length == 0 ? 0 : tokens[^1].End;
        return new Sentence(0, end, tokens);
    }

    /// <summary>
    /// Replaces the record's annotation columns by the pipeline's predictions. Comments, IDs, forms, multi-word
    /// token lines and MISC stay; DEPS and empty nodes (enhanced dependencies) are dropped as they would contradict the new tree.
    /// </summary>
    public static void Annotate(NlpPipeline pipeline, ConlluSentence record)
    {
        var sentence = ToSentence(record);
        pipeline.Process(sentence);
        CopyAnnotations(sentence, record);
        record.EmptyNodes.Clear();
    }

    /// <summary>Writes the pipeline's annotations into the record's LEMMA, UPOS, XPOS, FEATS, HEAD and DEPREL columns.</summary>
    public static void CopyAnnotations(Sentence sentence, ConlluSentence record)
    {
        if (sentence.Count != record.Words.Count) throw new ArgumentException("sentence and record have different word counts");
        for (int i = 0; i < sentence.Count; i++)
        {
            var w = record.Words[i];
            w.Upos = sentence.Upos?[i] ?? "_";
            w.Xpos = sentence.Xpos?[i] ?? "_";
            w.Feats = sentence.Feats?[i] ?? "_";
            w.Lemma = sentence.Lemmas?[i] ?? "_";
            w.Head = sentence.Heads?[i] ?? -1;
            w.Deprel = sentence.Relations?[i] ?? "_";
            w.Deps = "_";
        }
    }
}
