using Dyad.Knowledge.Places;
using Dyad.Text;

namespace Dyad.Coding.Coder;

/// <summary>
/// Reads a coded document's named entities (with the actor each resolves to, through the same document memory the
/// coder uses: learned roles, surnames) and its quotations with their speakers, for the document view. One pass over
/// the tokens; a dependency view only for the sentences a quotation touches.
/// </summary>
internal static class DocumentMarkReader
{
    /// <summary>A quotation running over more sentences than this is taken for an unbalanced mark and dropped.</summary>
    private const int MaxQuoteSentences = 8;

    public static DocumentMarks Read(AnnotatedDocument doc, DocumentMentions mentions, CountryTable countries)
    {
        var entities = new List<EntityMention>();
        // Per sentence and token, the actor of the entity covering it: a quote's speaker named by an entity takes it.
        var tokenActors = new string?[doc.Sentences.Count][];
        var nameParts = new NameParts();
        for (int s = 0; s < doc.Sentences.Count; s++)
        {
            var sentence = doc.Sentences[s];
            tokenActors[s] = new string?[sentence.Count];
            if (sentence.Entities == null) continue;
            bool parsed = sentence.Heads != null && sentence.Relations != null && sentence.Upos != null;
            foreach (var span in sentence.Entities)
            {
                var tokens = sentence.Tokens;
                string text = doc.Text[tokens[span.Start].Start..tokens[span.End - 1].End];
                string? actor = (parsed ? Code(mentions.ResolveName(sentence, SpanHead(sentence, span))) : null)
                    // "United States" as a modifier ("United States Secretary of State ...") resolves as a country on its own.
                    ?? (span.Type == "LOC" ? countries.ByName(text)?.Iso3 : null)
                    // "Geng" after "Geng Shuang": one word of a person named in full earlier.
                    ?? (span.Type == "PER" && span.Length == 1 ? nameParts.Find(text) : null);
                if (span.Type == "PER" && span.Length > 1 && actor != null)
                    for (int t = span.Start; t < span.End; t++) nameParts.Add(tokens[t].Text, actor);
                for (int t = span.Start; t < span.End; t++) tokenActors[s][t] = actor;
                entities.Add(new EntityMention(s, tokens[span.Start].Start, tokens[span.End - 1].End, span.Type, actor));
            }
        }
        var quotes = new List<QuoteMention>();
        var speakers = new SpeakerFinder(doc, mentions, tokenActors);
        foreach (var (open, close) in QuoteSpans(doc))
            quotes.Add(speakers.WithSpeaker(open, close));
        return new DocumentMarks(entities, quotes);
    }

    /// <summary>The words of people named in full, each with the actor of the one person it belongs to.</summary>
    private sealed class NameParts
    {
        private readonly Dictionary<string, string> _actors = new(StringComparer.Ordinal);
        private readonly HashSet<string> _ambiguous = new(StringComparer.Ordinal);

        public void Add(string word, string actor)
        {
            if (word.Length < 2 || !char.IsUpper(word[0]) || _ambiguous.Contains(word)) return;
            if (_actors.TryGetValue(word, out var known) && known != actor) { _actors.Remove(word); _ambiguous.Add(word); }
            else _actors[word] = actor;
        }

        public string? Find(string word) => _actors.GetValueOrDefault(word);
    }

    private static string? Code(Knowledge.Resolution.ActorResolution? actor) => actor is { Code.Length: > 0 } ? actor.Code : null;

    /// <summary>The token of the span whose head lies outside it (the name's syntactic head); the last token otherwise.</summary>
    private static int SpanHead(Sentence sentence, EntitySpan span)
    {
        if (sentence.Heads is { } heads)
            for (int t = span.Start; t < span.End; t++)
                if (heads[t] - 1 < span.Start || heads[t] - 1 >= span.End) return t;
        return span.End - 1;
    }

    private readonly record struct TokenAt(int Sentence, int Token);

    /// <summary>
    /// Opening and closing marks paired in text order: curly and angle quotes by direction, straight double quotes
    /// alternately. A paragraph break ends an open quotation unmatched (news style reopens it in the next paragraph).
    /// </summary>
    private static List<(TokenAt Open, TokenAt Close)> QuoteSpans(AnnotatedDocument doc)
    {
        var spans = new List<(TokenAt, TokenAt)>();
        TokenAt? open = null;
        int previousEnd = 0;
        for (int s = 0; s < doc.Sentences.Count; s++)
        {
            var tokens = doc.Sentences[s].Tokens;
            for (int t = 0; t < tokens.Length; t++)
            {
                if (open != null && ParagraphBreakBetween(doc.Text, previousEnd, tokens[t].Start)) open = null;
                previousEnd = tokens[t].End;
                switch (tokens[t].Text)
                {
                    case "“" or "«" or "``":
                        open = new TokenAt(s, t);
                        break;
                    case "”" or "»" or "''":
                        if (open is { } o) Add(o, new TokenAt(s, t));
                        open = null;
                        break;
                    case "\"":
                        if (open is { } straight) { Add(straight, new TokenAt(s, t)); open = null; }
                        else open = new TokenAt(s, t);
                        break;
                }
            }
        }
        return spans;

        void Add(TokenAt from, TokenAt to)
        {
            bool empty = from.Sentence == to.Sentence && to.Token == from.Token + 1;
            if (!empty && to.Sentence - from.Sentence < MaxQuoteSentences) spans.Add((from, to));
        }
    }

    private static bool ParagraphBreakBetween(string text, int from, int to)
    {
        int newlines = 0;
        for (int i = from; i < to && i < text.Length; i++)
            if (text[i] == '\n' && ++newlines >= 2) return true;
        return false;
    }

    /// <summary>
    /// The quotation with its speaker: the subject of the reporting verb nearest to it, outside it, in the sentence
    /// that closes it, else the one that opens it, else the sentence before when that ends in a colon ("He said:").
    /// </summary>
    private sealed class SpeakerFinder(AnnotatedDocument doc, DocumentMentions mentions, string?[][] tokenActors)
    {
        /// <summary>How many sentences back "he" or "she" may find the person it stands for.</summary>
        private const int PronounReach = 2;

        public QuoteMention WithSpeaker(TokenAt open, TokenAt close)
        {
            int start = doc.Sentences[open.Sentence].Tokens[open.Token].Start;
            int end = doc.Sentences[close.Sentence].Tokens[close.Token].End;
            Span<int> candidates = [close.Sentence, open.Sentence, open.Sentence - 1];
            for (int i = 0; i < candidates.Length; i++)
            {
                int s = candidates[i];
                if (i == 1 && s == close.Sentence) continue;
                if (i == 2 && (s < 0 || doc.Sentences[s].Tokens is not { Length: > 0 } before || before[^1].Text != ":")) continue;
                if (Speaker(s, start, end) is { } found)
                    return new QuoteMention(open.Sentence, start, end, doc.Text[found.Start..found.End], found.Actor, found.Start, found.End);
            }
            return new QuoteMention(open.Sentence, start, end, null, null, null, null);
        }

        private (int Start, int End, string? Actor)? Speaker(int s, int quoteStart, int quoteEnd)
        {
            var sentence = doc.Sentences[s];
            if (!Parsed(sentence)) return null;
            var tree = new DependencyView(sentence);
            var tokens = sentence.Tokens;
            int best = -1, bestDistance = int.MaxValue;
            for (int t = 0; t < tokens.Length; t++)
            {
                if (Inside(tokens[t], quoteStart, quoteEnd) || sentence.Upos![t] != "VERB" || !VerbClasses.IsReporting(tree.Lemma(t))) continue;
                int subject = tree.Child(t, "nsubj");
                if (subject < 0 || Inside(tokens[subject], quoteStart, quoteEnd)) continue;
                int distance = tokens[t].Start >= quoteEnd ? tokens[t].Start - quoteEnd : quoteStart - tokens[t].End;
                if (distance < bestDistance) (best, bestDistance) = (subject, distance);
            }
            if (best < 0) return null;
            var (start, end) = tree.PhraseSpan(best);
            return (start, end, SpeakerActor(sentence, s, best));
        }

        private string? SpeakerActor(Sentence sentence, int s, int subject)
        {
            if (sentence.Upos![subject] != "PRON")
                return Code(mentions.ResolveName(sentence, subject)) ?? tokenActors[s][subject];
            // First person and "they" name no one here.
            if (sentence.Tokens[subject].Text.ToLowerInvariant() is not ("he" or "she")) return null;
            return Code(mentions.PronounAntecedent(s, subject)) ?? LastNamedSubject(s, subject);
        }

        /// <summary>
        /// The actor of the last proper-name subject before the pronoun, in its sentence or the two before, that is no
        /// place or organisation ("Pompeo praised ... . '...,' he told reporters"); the coder's own antecedents come
        /// only from recognised person names, which a bare surname may not be.
        /// </summary>
        private string? LastNamedSubject(int s, int pronoun)
        {
            for (int i = s; i >= 0 && i >= s - PronounReach; i--)
            {
                var sentence = doc.Sentences[i];
                if (!Parsed(sentence)) continue;
                for (int t = (i == s ? pronoun : sentence.Count) - 1; t >= 0; t--)
                {
                    if (sentence.Relations![t] != "nsubj" || sentence.Upos![t] != "PROPN" || IsPlaceOrOrganisation(sentence, t)) continue;
                    if ((Code(mentions.ResolveName(sentence, t)) ?? tokenActors[i][t]) is { } actor) return actor;
                }
            }
            return null;
        }

        private static bool IsPlaceOrOrganisation(Sentence sentence, int token)
        {
            if (sentence.Entities == null) return false;
            foreach (var span in sentence.Entities)
                if (token >= span.Start && token < span.End) return span.Type != "PER";
            return false;
        }

        private static bool Parsed(Sentence sentence) =>
            sentence.Heads != null && sentence.Relations != null && sentence.Upos != null && sentence.Lemmas != null;
    }

    private static bool Inside(Token token, int start, int end) => token.Start >= start && token.End <= end;
}
