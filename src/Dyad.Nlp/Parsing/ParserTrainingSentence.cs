using Dyad.Text.Conllu;

namespace Dyad.Nlp.Parsing;

/// <summary>
/// One sentence the parser learns from: the words with the tags the parser will see (gold or predicted),
/// and the gold tree. Index i describes word i+1 of the sentence; heads are 1-based with 0 for the root.
/// </summary>
public sealed class ParserTrainingSentence
{
    public ParserTrainingSentence(string[] forms, string[] upos, string[] xpos, int[] heads, string[] relations)
    {
        int n = forms.Length;
        if (upos.Length != n || xpos.Length != n || heads.Length != n || relations.Length != n)
            throw new ArgumentException("forms, tags, heads and relations must have the same length");
        Forms = forms;
        Upos = upos;
        Xpos = xpos;
        Heads = heads;
        Relations = relations;
    }

    public string[] Forms { get; }
    public string[] Upos { get; set; }
    public string[] Xpos { get; set; }
    public int[] Heads { get; }
    public string[] Relations { get; }
    public int Count => Forms.Length;

    /// <summary>Reads the syntactic words of a CoNLL-U sentence with their gold tags and tree.</summary>
    public static ParserTrainingSentence FromConllu(ConlluSentence sentence, string source = "<input>")
    {
        int n = sentence.Words.Count;
        var forms = new string[n];
        var upos = new string[n];
        var xpos = new string[n];
        var heads = new int[n];
        var rels = new string[n];
        for (int i = 0; i < n; i++)
        {
            var w = sentence.Words[i];
            if (w.Head < 0 || w.Head > n || w.Deprel == "_")
                throw new ConlluFormatException($"{source}:{sentence.LineNumber}: word {w.Id} has no usable HEAD/DEPREL for parser training");
            forms[i] = w.Form;
            upos[i] = w.Upos;
            xpos[i] = w.Xpos;
            heads[i] = w.Head;
            rels[i] = w.Deprel;
        }
        return new ParserTrainingSentence(forms, upos, xpos, heads, rels);
    }
}
