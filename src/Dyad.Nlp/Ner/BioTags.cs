using Dyad.Text;

namespace Dyad.Nlp.Ner;

/// <summary>Conversion between BIO (IOB2) tag strings and entity spans.</summary>
public static class BioTags
{
    /// <summary>
    /// Spans of a tag sequence. Accepts IOB2 and IOB1 (an I- tag that does not continue a same-type entity starts one),
    /// so both UNER and CoNLL-style files read the same way. Tags whose type is not PER/ORG/LOC count as O.
    /// </summary>
    public static EntitySpan[] ToSpans(IReadOnlyList<string> tags)
    {
        var spans = new List<EntitySpan>();
        int start = -1;
        string? type = null;
        for (int i = 0; i <= tags.Count; i++)
        {
            string tag = i < tags.Count ? tags[i] : "O";
            bool isBegin = tag.StartsWith("B-", StringComparison.Ordinal);
            bool isInside = tag.StartsWith("I-", StringComparison.Ordinal);
            string? tagType = isBegin || isInside ? tag[2..] : null;
            if (tagType != null && EntityLabels.TypeIndex(tagType) < 0) tagType = null;
            bool continues = tagType != null && isInside && tagType == type;
            if (continues) continue;
            if (type != null) spans.Add(new EntitySpan(start, i, type));
            type = tagType;
            start = i;
        }
        return spans.ToArray();
    }

    /// <summary>IOB2 tags for the spans over a sentence of <paramref name="length"/> tokens.</summary>
    public static string[] FromSpans(int length, IReadOnlyList<EntitySpan> spans)
    {
        var tags = new string[length];
        Array.Fill(tags, "O");
        foreach (var span in spans)
        {
            tags[span.Start] = "B-" + span.Type;
            for (int i = span.Start + 1; i < span.End; i++) tags[i] = "I-" + span.Type;
        }
        return tags;
    }
}
