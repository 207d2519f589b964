using System.Globalization;
using Dyad.Text;
using Dyad.Text.Conllu;

namespace Dyad.Cli.Output;

/// <summary>
/// Writes an annotated document as CoNLL-U: "# newdoc id" before its first sentence, then per sentence
/// "# sent_id = doc-n" and "# text", one word line per token with SpaceAfter=No where the text has no space,
/// and TokenRange=start:end (character offsets into the document text) in MISC. Columns a stage has not
/// filled yet are "_".
/// </summary>
internal sealed class ConlluDocumentOutput(TextWriter output)
{
    public void Write(AnnotatedDocument annotated)
    {
        var document = annotated.Document;
        for (int s = 0; s < annotated.Sentences.Count; s++)
        {
            var sentence = annotated.Sentences[s];
            var conllu = new ConlluSentence();
            if (s == 0) conllu.Comments.Add($"# newdoc id = {document.Id}");
            conllu.Comments.Add(string.Create(CultureInfo.InvariantCulture, $"# sent_id = {document.Id}-{s + 1}"));
            // A comment is one line: newlines inside a sentence become spaces.
            conllu.Comments.Add("# text = " + sentence.TextOf(document.Text).ReplaceLineEndings(" "));
            for (int i = 0; i < sentence.Tokens.Length; i++)
            {
                var token = sentence.Tokens[i];
                var misc = string.Create(CultureInfo.InvariantCulture, $"TokenRange={token.Start}:{token.End}");
                if (!token.SpaceAfter && i + 1 < sentence.Tokens.Length) misc = "SpaceAfter=No|" + misc;
                conllu.Words.Add(new ConlluWord
                {
                    Id = i + 1,
                    Form = token.Text,
                    Lemma = sentence.Lemmas?[i] ?? "_",
                    Upos = sentence.Upos?[i] ?? "_",
                    Xpos = sentence.Xpos?[i] ?? "_",
                    Feats = sentence.Feats?[i] ?? "_",
                    Head = sentence.Heads?[i] ?? -1,
                    Deprel = sentence.Relations?[i] ?? "_",
                    Misc = misc,
                });
            }
            ConlluWriter.Write(output, conllu);
        }
    }
}
