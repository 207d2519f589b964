namespace Dyad.Nlp.Parsing;

/// <summary>A sentence's words as interned ids, index 0 being the root. Reused between sentences.</summary>
internal sealed class EncodedSentence
{
    public int N;
    public int[] Word = new int[64];
    public int[] Xpos = new int[64];
    public int[] Upos = new int[64];
    public int[] Shape = new int[64];
    public int[] Suffix = new int[64];

    public void Encode(ParserVocabulary vocab, ReadOnlySpan<string> forms, ReadOnlySpan<string> upos, ReadOnlySpan<string> xpos)
    {
        int n = forms.Length;
        N = n;
        if (Word.Length < n + 2)
        {
            int cap = Math.Max(n + 2, Word.Length * 2);
            Word = new int[cap]; Xpos = new int[cap]; Upos = new int[cap]; Shape = new int[cap]; Suffix = new int[cap];
        }
        Word[0] = Xpos[0] = Upos[0] = Shape[0] = Suffix[0] = ParserVocabulary.Root;
        for (int i = 0; i < n; i++)
        {
            var lower = WordShape.Lower(forms[i]);
            Word[i + 1] = vocab.Word(lower);
            Xpos[i + 1] = vocab.Xpos(xpos[i]);
            Upos[i + 1] = vocab.Upos(upos[i]);
            Shape[i + 1] = WordShape.Shape(forms[i]) + 2;
            Suffix[i + 1] = WordShape.SuffixHash(lower) + 3;
        }
    }
}
