using Dyad.Text;

namespace Dyad.Nlp.Tests.Ner;

/// <summary>Builds sentences from text whose tokens are separated by single spaces, with true character offsets.</summary>
internal static class NerTestText
{
    public static Sentence Sentence(string text, int documentOffset = 0)
    {
        var tokens = new List<Token>();
        int start = 0;
        while (start < text.Length)
        {
            int end = text.IndexOf(' ', start);
            if (end < 0) end = text.Length;
            if (end > start)
                tokens.Add(new Token(documentOffset + start, documentOffset + end, text[start..end]) { SpaceAfter = end < text.Length });
            start = end + 1;
        }
        return new Sentence(documentOffset, documentOffset + text.Length, tokens.ToArray());
    }

    /// <summary>The words each entity covers, as "TYPE:word word".</summary>
    public static string[] Mentions(Sentence sentence) =>
        sentence.Entities!.Select(e => e.Type + ":" + string.Join(' ', sentence.Tokens[e.Start..e.End].Select(t => t.Text))).ToArray();
}
