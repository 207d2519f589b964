using System.Globalization;
using System.Text;

namespace Dyad.Text.Conllu;

/// <summary>
/// Writes an <see cref="AnnotatedDocument"/> as CoNLL-U: a "# newdoc id" line, then per sentence "# sent_id" and
/// "# text" comments and one line per token. Columns the pipeline has not filled (the sentence's Lemmas, Upos,
/// Xpos, Feats, Heads, Relations arrays are null) are written as "_"; MISC carries SpaceAfter=No.
/// </summary>
public static class ConlluDocumentWriter
{
    public static void Write(TextWriter writer, AnnotatedDocument document)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(document);
        var sb = new StringBuilder(4096);
        var id = document.Document.Id;
        sb.Append("# newdoc id = ").Append(OneLine(id)).Append('\n');
        for (int s = 0; s < document.Sentences.Count; s++)
        {
            AppendSentence(sb, document, document.Sentences[s], $"{OneLine(id)}-{s + 1}");
            writer.Write(sb.ToString());
            sb.Clear();
        }
    }

    /// <summary>The whole document as a CoNLL-U string.</summary>
    public static string ToString(AnnotatedDocument document)
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(writer, document);
        return writer.ToString();
    }

    private static void AppendSentence(StringBuilder sb, AnnotatedDocument document, Sentence sentence, string sentenceId)
    {
        sb.Append("# sent_id = ").Append(sentenceId).Append('\n');
        sb.Append("# text = ").Append(OneLine(sentence.TextOf(document.Text))).Append('\n');
        var tokens = sentence.Tokens;
        for (int i = 0; i < tokens.Length; i++)
        {
            sb.Append(i + 1).Append('\t')
              .Append(Column(tokens[i].Text)).Append('\t')
              .Append(Column(sentence.Lemmas, i)).Append('\t')
              .Append(Column(sentence.Upos, i)).Append('\t')
              .Append(Column(sentence.Xpos, i)).Append('\t')
              .Append(Column(sentence.Feats, i)).Append('\t');
            var heads = sentence.Heads;
            if (heads != null && i < heads.Length && heads[i] >= 0) sb.Append(heads[i].ToString(CultureInfo.InvariantCulture));
            else sb.Append('_');
            sb.Append('\t').Append(Column(sentence.Relations, i)).Append("\t_\t")
              .Append(tokens[i].SpaceAfter ? "_" : "SpaceAfter=No").Append('\n');
        }
        sb.Append('\n');
    }

    private static string Column(string[]? values, int i) => values != null && i < values.Length ? Column(values[i]) : "_";

    /// <summary>A CoNLL-U field may not be empty or hold tabs or line breaks.</summary>
    private static string Column(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "_";
        foreach (char c in value)
            if (c is '\t' or '\n' or '\r') return value.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
        return value;
    }

    /// <summary>Comment values stay on one line: line breaks and tabs inside a sentence become single spaces.</summary>
    private static string OneLine(string value)
    {
        var sb = new StringBuilder(value.Length);
        bool space = false;
        foreach (char c in value)
        {
            if (c is '\n' or '\r' or '\t' or '\u2028' or '\u2029' or '\u0085')
            {
                if (!space) sb.Append(' ');
                space = true;
                continue;
            }
            sb.Append(c);
            space = false;
        }
        return sb.ToString();
    }
}
