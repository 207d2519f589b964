using Dyad.Text.Conllu;

namespace Dyad.Nlp.Tests;

/// <summary>A small hand-written treebank (our own sentences) in EWT's annotation style, for fast training tests.</summary>
internal static class TinyTreebank
{
    // form lemma upos xpos feats, one word per line, sentences separated by blank lines.
    private const string Words = """
        The the DET DT Definite=Def|PronType=Art
        minister minister NOUN NN Number=Sing
        urged urge VERB VBD Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin
        talks talk NOUN NNS Number=Plur
        . . PUNCT . _

        Rebels rebel NOUN NNS Number=Plur
        attacked attack VERB VBD Mood=Ind|Number=Plur|Person=3|Tense=Past|VerbForm=Fin
        the the DET DT Definite=Def|PronType=Art
        town town NOUN NN Number=Sing
        . . PUNCT . _

        She she PRON PRP Case=Nom|Gender=Fem|Number=Sing|Person=3|PronType=Prs
        visits visit VERB VBZ Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin
        Moscow Moscow PROPN NNP Number=Sing
        often often ADV RB _
        . . PUNCT . _

        The the DET DT Definite=Def|PronType=Art
        talks talk NOUN NNS Number=Plur
        were be AUX VBD Mood=Ind|Number=Plur|Person=3|Tense=Past|VerbForm=Fin
        cancelled cancel VERB VBN Tense=Past|VerbForm=Part|Voice=Pass
        . . PUNCT . _

        They they PRON PRP Case=Nom|Number=Plur|Person=3|PronType=Prs
        walked walk VERB VBD Mood=Ind|Number=Plur|Person=3|Tense=Past|VerbForm=Fin
        to to ADP IN _
        Paris Paris PROPN NNP Number=Sing
        . . PUNCT . _

        Police police NOUN NNS Number=Plur
        arrested arrest VERB VBD Mood=Ind|Number=Plur|Person=3|Tense=Past|VerbForm=Fin
        two two NUM CD NumForm=Word|NumType=Card
        men man NOUN NNS Number=Plur
        in in ADP IN _
        Paris Paris PROPN NNP Number=Sing
        . . PUNCT . _

        He he PRON PRP Case=Nom|Gender=Masc|Number=Sing|Person=3|PronType=Prs
        was be AUX VBD Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin
        arrested arrest VERB VBN Tense=Past|VerbForm=Part|Voice=Pass
        by by ADP IN _
        police police NOUN NNS Number=Plur
        . . PUNCT . _

        Leaders leader NOUN NNS Number=Plur
        will will AUX MD VerbForm=Fin
        meet meet VERB VB VerbForm=Inf
        in in ADP IN _
        Moscow Moscow PROPN NNP Number=Sing
        . . PUNCT . _

        The the DET DT Definite=Def|PronType=Art
        army army NOUN NN Number=Sing
        talked talk VERB VBD Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin
        to to ADP IN _
        the the DET DT Definite=Def|PronType=Art
        rebels rebel NOUN NNS Number=Plur
        . . PUNCT . _

        She she PRON PRP Case=Nom|Gender=Fem|Number=Sing|Person=3|PronType=Prs
        attacked attack VERB VBD Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin
        two two NUM CD NumForm=Word|NumType=Card
        ministers minister NOUN NNS Number=Plur
        . . PUNCT . _
        """;

    public static IReadOnlyList<ConlluSentence> Sentences { get; } = Build();

    private static List<ConlluSentence> Build()
    {
        var text = new System.Text.StringBuilder();
        int id = 0;
        foreach (var raw in Words.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0) { text.Append('\n'); id = 0; continue; }
            var c = line.Split(' ');
            text.Append($"{++id}\t{c[0]}\t{c[1]}\t{c[2]}\t{c[3]}\t{c[4]}\t_\t_\t_\t_\n");
        }
        text.Append('\n');
        return ConlluReader.Read(new StringReader(text.ToString()), "tiny").ToList();
    }
}
