using System.Text;
using Dyad.Coding.Lexicon;
using Dyad.Knowledge.Resolution;
using Dyad.Text;

namespace Dyad.Coding.Evaluation;

/// <summary>
/// One line per token of a coded document, for error analysis of a diff: the parse (UPOS, lemma, head, relation),
/// the actor the resolver finds when the token heads a phrase, and whether the lexicon knows a verb's lemma. It
/// tells "the actor did not resolve" from "the verb is unknown" from "the parse attached it elsewhere".
/// </summary>
public static class ParseExplanation
{
    public static List<string> Describe(AnnotatedDocument doc, ActorResolver resolver, VerbLexicon lexicon)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        for (int s = 0; s < doc.Sentences.Count; s++)
        {
            var sentence = doc.Sentences[s];
            if (sentence.Heads == null || sentence.Relations == null || sentence.Upos == null || sentence.Lemmas == null) continue;
            for (int i = 0; i < sentence.Count; i++)
            {
                line.Clear();
                line.Append(s).Append('.').Append(i + 1).Append(' ').Append(sentence.Tokens[i].Text)
                    .Append(' ').Append(sentence.Upos[i]).Append(' ').Append(sentence.Lemmas[i])
                    .Append(' ').Append(sentence.Heads[i]).Append(' ').Append(sentence.Relations[i]);
                if (sentence.Upos[i] is "NOUN" or "PROPN" or "PRON" or "ADJ" or "NUM"
                    && resolver.Resolve(sentence, i, doc.Document.Date) is { } actor)
                    line.Append(" actor=").Append(actor.Code).Append(" (").Append(actor.Rule).Append(')');
                if (sentence.Upos[i] == "VERB")
                    line.Append(lexicon.HasVerb(sentence.Lemmas[i].ToLowerInvariant()) ? " verb=known" : " verb=unknown");
                lines.Add(line.ToString());
            }
        }
        return lines;
    }
}
