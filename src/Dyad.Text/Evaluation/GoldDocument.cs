using System.Text;
using Dyad.Text.Conllu;

namespace Dyad.Text.Evaluation;

/// <summary>
/// A document rebuilt from a treebank: its raw text (from the "# text" comments) and the gold character spans of
/// its syntactic words and sentences. Multi-word tokens ("don't" = "do" + "n't") give each word its own slice of
/// the token when the word forms spell the token; otherwise every word gets the whole token's span.
/// </summary>
public sealed class GoldDocument
{
    /// <summary>Between sentences of a paragraph.</summary>
    public const string SentenceSeparator = " ";
    /// <summary>Between paragraphs ("# newpar"): a blank line, as in plain-text news.</summary>
    public const string ParagraphSeparator = "\n\n";

    public GoldDocument(string id, string text, List<(int Start, int End)> words, List<(int Start, int End)> sentences)
    {
        Id = id;
        Text = text;
        Words = words;
        Sentences = sentences;
    }

    public string Id { get; }
    public string Text { get; }
    public IReadOnlyList<(int Start, int End)> Words { get; }
    public IReadOnlyList<(int Start, int End)> Sentences { get; }

    /// <summary>Groups the treebank's sentences into documents ("# newdoc") and rebuilds their text.</summary>
    public static List<GoldDocument> FromTreebank(IEnumerable<ConlluSentence> sentences, string sourceName)
    {
        var documents = new List<GoldDocument>();
        var builder = new Builder();
        foreach (var sentence in sentences)
        {
            var docId = sentence.NewDocumentId;
            if (docId != null && builder.HasContent)
            {
                documents.Add(builder.Build());
                builder = new Builder();
            }
            builder.Id ??= docId ?? sentence.SentenceId ?? $"{sourceName}:{sentence.LineNumber}";
            builder.Add(sentence, sourceName);
        }
        if (builder.HasContent) documents.Add(builder.Build());
        return documents;
    }

    private sealed class Builder
    {
        private readonly StringBuilder _text = new();
        private readonly List<(int, int)> _words = new();
        private readonly List<(int, int)> _sentences = new();
        public string? Id;
        public bool HasContent => _sentences.Count > 0;

        public GoldDocument Build() => new(Id ?? "", _text.ToString(), _words, _sentences);

        public void Add(ConlluSentence sentence, string sourceName)
        {
            var raw = sentence.Text
                ?? throw new ConlluFormatException($"{sourceName}:{sentence.LineNumber}: sentence has no '# text' comment");
            if (HasContent) _text.Append(sentence.StartsParagraph ? ParagraphSeparator : SentenceSeparator);
            int offset = _text.Length;
            _text.Append(raw);
            int pos = 0, first = -1, last = -1;
            var words = sentence.Words;
            for (int w = 0; w < words.Count; w++)
            {
                var mwt = sentence.MultiwordStartingAt(words[w].Id);
                string form = mwt?.Form ?? words[w].Form;
                int start = Locate(raw, form, ref pos, sourceName, sentence.LineNumber);
                int end = start + form.Length;
                if (first < 0) first = start;
                last = end;
                if (mwt == null)
                {
                    _words.Add((offset + start, offset + end));
                    continue;
                }
                int count = mwt.Last - mwt.First + 1;
                int sub = start;
                bool spelled = true;
                for (int k = 0; k < count && w + k < words.Count; k++)
                {
                    var part = words[w + k].Form;
                    if (string.Compare(raw, sub, part, 0, part.Length, StringComparison.OrdinalIgnoreCase) != 0 || sub + part.Length > end)
                    {
                        spelled = false;
                        break;
                    }
                    sub += part.Length;
                }
                spelled &= sub == end;
                sub = start;
                for (int k = 0; k < count && w + k < words.Count; k++)
                {
                    int len = words[w + k].Form.Length;
                    _words.Add(spelled ? (offset + sub, offset + sub + len) : (offset + start, offset + end));
                    sub += len;
                }
                w += count - 1;
            }
            _sentences.Add((offset + first, offset + last));
        }

        private static int Locate(string raw, string form, ref int pos, string sourceName, int line)
        {
            while (pos < raw.Length && char.IsWhiteSpace(raw[pos])) pos++;
            if (string.CompareOrdinal(raw, pos, form, 0, form.Length) != 0)
                throw new ConlluFormatException($"{sourceName}:{line}: token '{form}' does not match the '# text' at offset {pos}");
            int start = pos;
            pos += form.Length;
            return start;
        }
    }
}
