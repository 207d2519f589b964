using Dyad.Text;

namespace Dyad.Coding.Coder;

/// <summary>
/// The sentences of an embedded tweet: those before its attribution line ("— Name (@handle) date"), back to the
/// paragraph break or the previous attribution line. Their first-person words and subjectless verbs speak for the author.
/// </summary>
internal static class TweetBlocks
{
    /// <summary>Per sentence, the index of the attribution line of the tweet it belongs to, or null.</summary>
    public static int?[] Find(AnnotatedDocument doc)
    {
        var sentences = doc.Sentences;
        var result = new int?[sentences.Count];
        for (int a = 0; a < sentences.Count; a++)
        {
            if (sentences[a].Tweet == null) continue;
            for (int s = a - 1; s >= 0; s--)
            {
                if (sentences[s].Tweet != null) break;
                result[s] = a;
                // A blank line before this sentence starts the tweet's paragraph.
                if (s == 0 || ParagraphBreakBetween(doc.Text, sentences[s - 1].End, sentences[s].Start)) break;
            }
        }
        return result;
    }

    private static bool ParagraphBreakBetween(string text, int from, int to)
    {
        int newlines = 0;
        for (int i = from; i < to && i < text.Length; i++)
            if (text[i] == '\n') newlines++;
        return newlines >= 2;
    }
}
