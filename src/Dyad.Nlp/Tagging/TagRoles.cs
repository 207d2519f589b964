namespace Dyad.Nlp.Tagging;

/// <summary>
/// Which tags can act as a verb's subject or as an auxiliary, for the long-range cues of the feature model.
/// Derived from the tag names, so it follows whatever tag inventory the model was trained on.
/// </summary>
internal sealed class TagRoles
{
    private const int SubjectWindow = 10;
    private const int AuxWindow = 4;
    private readonly byte[] _subject; // 0 no, 1 use the tag, 2 use the word
    private readonly bool[] _aux;
    private readonly bool[] _verb;

    public TagRoles(string[] upos, string[] xpos)
    {
        _subject = new byte[upos.Length];
        _aux = new bool[upos.Length];
        _verb = new bool[upos.Length];
        for (int t = 0; t < upos.Length; t++)
        {
            _subject[t] = xpos[t] switch
            {
                "NN" or "NNS" or "NNP" or "NNPS" or "CD" => 1,
                "PRP" or "EX" or "WP" or "WDT" or "DT" => 2,
                _ => upos[t] is "NOUN" or "PROPN" ? (byte)1 : upos[t] == "PRON" ? (byte)2 : (byte)0,
            };
            _aux[t] = upos[t] == "AUX" || xpos[t] is "MD" or "TO";
            _verb[t] = upos[t] is "VERB" or "AUX";
        }
    }

    /// <summary>Hashed cues for word <paramref name="i"/>: nearest subject-like word and nearest auxiliary to its left.</summary>
    public (ulong Subject, ulong Aux) Cues(ReadOnlySpan<WordInfo> words, ReadOnlySpan<int> tags, int i)
    {
        ulong subject = 0, aux = 0;
        for (int j = i - 1; j >= 0 && j >= i - SubjectWindow; j--)
        {
            int t = tags[j];
            if (_subject[t] == 0) continue;
            subject = _subject[t] == 1 ? FeatureHash.Key(201, (ulong)t) : FeatureHash.Key(202, words[j + 2].Lower);
            break;
        }
        for (int j = i - 1; j >= 0 && j >= i - AuxWindow; j--)
        {
            int t = tags[j];
            if (_aux[t]) { aux = words[j + 2].Lower; break; }
            if (_verb[t]) break; // an intervening main verb owns any auxiliary further left
        }
        return (subject, aux);
    }
}
