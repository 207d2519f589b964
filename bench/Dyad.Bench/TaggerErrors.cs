using Dyad.Nlp.Lemmatization;
using Dyad.Nlp.Tagging;
using Dyad.Text.Conllu;

namespace Dyad.Bench;

/// <summary>Writes dev-set disagreements of the committed models as TSV for error analysis: <c>-- tagger-errors data out.tsv</c>.</summary>
internal static class TaggerErrors
{
    public static int Run(string[] args)
    {
        var dev = ConlluReader.ReadFile(Path.Combine(args[1], "ud", "en-ewt", "en_ewt-ud-dev.conllu")).ToList();
        var tagger = PosTagger.Load(Path.Combine("models", "en-ewt.tagger.bin"));
        var lemmatizer = Lemmatizer.Load(Path.Combine("models", "en-ewt.lemmatizer.bin"));
        using var output = new StreamWriter(args[2]);
        foreach (var s in dev)
        {
            var words = s.Words.Select(w => w.Form).ToArray();
            var u = new string[words.Length]; var x = new string[words.Length]; var f = new string[words.Length];
            tagger.Tag(words, u, x, f);
            for (int i = 0; i < words.Length; i++)
            {
                var g = s.Words[i];
                var lemma = lemmatizer.Lemmatize(words[i], u[i], x[i], f[i]);
                var goldTagLemma = lemmatizer.Lemmatize(words[i], g.Upos, g.Xpos, g.Feats);
                output.WriteLine(string.Join('\t', g.Form, g.Upos, u[i], g.Xpos, x[i], g.Feats, f[i], g.Lemma, lemma, goldTagLemma));
            }
        }
        return 0;
    }
}
