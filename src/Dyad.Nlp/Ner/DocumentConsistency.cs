using Dyad.Text;

namespace Dyad.Nlp.Ner;

/// <summary>
/// Makes a document's entity labels agree with each other. A name the recognizer found in one sentence is usually
/// the same entity elsewhere in the document ("Google" in a headline and again, unlabelled, in the body), so:
/// every span gets the type its token sequence has most often in the document, and capitalised repetitions of a
/// PER or ORG name that no span covers become spans of that type. Places are not propagated: the gazetteer already
/// finds them, and on development data the propagated LOC spans were mostly wrong.
/// </summary>
public static class DocumentConsistency
{
    /// <param name="sentences">The document's sentences as token forms.</param>
    /// <param name="spans">Per sentence, the recognizer's spans; replaced by the consistent ones (sorted by start).</param>
    public static void Apply(IReadOnlyList<IReadOnlyList<string>> sentences, EntitySpan[][] spans)
    {
        if (sentences.Count != spans.Length) throw new ArgumentException("one span array per sentence is required", nameof(spans));
        var votes = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        for (int s = 0; s < spans.Length; s++)
            foreach (var span in spans[s])
            {
                var name = Name(sentences[s], span.Start, span.End);
                if (!votes.TryGetValue(name, out var byType)) votes[name] = byType = new(StringComparer.Ordinal);
                byType[span.Type] = byType.GetValueOrDefault(span.Type) + 1;
            }
        if (votes.Count == 0) return;
        var names = new List<(string[] Tokens, string Type)>();
        var majority = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, byType) in votes)
        {
            string best = "";
            int bestCount = 0;
            foreach (var (type, count) in byType)
                if (count > bestCount || count == bestCount && string.CompareOrdinal(type, best) < 0) { best = type; bestCount = count; }
            majority[name] = best;
            if (best != "LOC" && char.IsUpper(name[0])) names.Add((name.Split(' '), best));
        }
        // Longer names first, so "Bank of America" is claimed before "America".
        names.Sort((a, b) => a.Tokens.Length != b.Tokens.Length ? b.Tokens.Length - a.Tokens.Length : string.CompareOrdinal(string.Join(' ', a.Tokens), string.Join(' ', b.Tokens)));
        for (int s = 0; s < spans.Length; s++)
        {
            var tokens = sentences[s];
            var result = new List<EntitySpan>(spans[s].Length);
            var covered = new bool[tokens.Count];
            foreach (var span in spans[s])
            {
                result.Add(span with { Type = majority[Name(tokens, span.Start, span.End)] });
                for (int i = span.Start; i < span.End; i++) covered[i] = true;
            }
            foreach (var (name, type) in names)
                for (int start = 0; start + name.Length <= tokens.Count; start++)
                    if (Matches(tokens, start, name, covered))
                    {
                        result.Add(new EntitySpan(start, start + name.Length, type));
                        for (int i = start; i < start + name.Length; i++) covered[i] = true;
                    }
            result.Sort((a, b) => a.Start.CompareTo(b.Start));
            spans[s] = [.. result];
        }
    }

    private static bool Matches(IReadOnlyList<string> tokens, int start, string[] name, bool[] covered)
    {
        for (int i = 0; i < name.Length; i++)
            if (covered[start + i] || !string.Equals(tokens[start + i], name[i], StringComparison.Ordinal)) return false;
        return true;
    }

    private static string Name(IReadOnlyList<string> tokens, int start, int end)
    {
        if (end - start == 1) return tokens[start];
        return string.Join(' ', Enumerable.Range(start, end - start).Select(i => tokens[i]));
    }
}
