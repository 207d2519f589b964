using CsCheck;
using Dyad.Text.Tokenization;

namespace Dyad.Text.Tests;

/// <summary>Invariants of tokens and sentences that must hold for any input text.</summary>
public class TokenizationPropertyTests
{
    private static readonly string[] Pieces =
    [
        " ", "  ", "\n", "\n\n", "\t", "\u00A0", "\u2009", "\u200B", "\r\n", ".", "...", "…", ",", "'", "’", "‘", "“", "”", "\"", "`",
        "(", ")", "-", "--", "—", "/", "@", "#", "$", "%", "+", ":", ";", "!", "?", "&", "_", "<", ">",
        "don't", "can’t", "U.S.", "Gen.", "Mr.", "e-mail", "long-term", "1,000", "3.5", "7:30", "1M", "cannot", "gonna",
        "http://x.org/a?b=1", "pic.twitter.com/abc", "@user", "#tag", "a@b.com", "NUR-SULTAN", "(Reuters)",
        "February 2, 2020", "Pompeo", "the", "The", "A", "i", "x", "😀", "👍🏽", "🇺🇸", "\uD83D", "\uDE00", "é", "e\u0301", "\u00AD",
        "\u200D", "\uFE0F", ":-)", "٣", "中文", "Ω",
    ];

    private static readonly Gen<string> Text =
        Gen.OneOf(Gen.OneOf(Pieces), Gen.Char['\0', '\uFFFF'].Select(c => c.ToString()), Gen.Char[' ', '~'].Select(c => c.ToString()))
           .Array[0, 40]
           .Select(parts => string.Concat(parts));

    [Fact]
    public void TokensAreExactOrderedNonEmptySlicesWithoutWhitespace()
    {
        Text.Sample(text =>
        {
            var tokens = Tokenizer.Default.Tokenize(text);
            int previousEnd = 0;
            foreach (var t in tokens)
            {
                Assert.True(t.Start >= previousEnd, $"token [{t.Start},{t.End}) overlaps or precedes the previous one ending at {previousEnd}");
                Assert.True(t.End > t.Start, "empty token");
                Assert.Equal(text.Substring(t.Start, t.End - t.Start), t.Text);
                foreach (char c in t.Text)
                    Assert.False(char.IsWhiteSpace(c) || c == '\u200B', $"token '{t.Text}' contains whitespace");
                bool spaceFollows = t.End == text.Length || char.IsWhiteSpace(text[t.End]) || char.IsControl(text[t.End])
                                    || text[t.End] is '\u200B' or '\uFEFF' or '\u2060';
                Assert.Equal(spaceFollows, t.SpaceAfter);
                Assert.False(string.IsNullOrEmpty(t.Norm));
                previousEnd = t.End;
            }
            // Nothing but separators is left between tokens.
            var covered = new bool[text.Length];
            foreach (var t in tokens) for (int i = t.Start; i < t.End; i++) covered[i] = true;
            for (int i = 0; i < text.Length; i++)
                if (!covered[i]) Assert.True(char.IsWhiteSpace(text[i]) || char.IsControl(text[i]) || text[i] is '\u200B' or '\uFEFF' or '\u2060',
                    $"character U+{(int)text[i]:X4} at {i} was dropped");
        }, iter: 3000);
    }

    [Fact]
    public void SentencesPartitionTheTokens()
    {
        var analyzer = new TextAnalyzer();
        Text.Sample(text =>
        {
            var tokens = Tokenizer.Default.Tokenize(text);
            var doc = analyzer.Analyze(new Document("p", new DateOnly(2020, 1, 1), text));
            int k = 0;
            int previousEnd = 0;
            foreach (var s in doc.Sentences)
            {
                Assert.NotEmpty(s.Tokens);
                Assert.Equal(s.Tokens[0].Start, s.Start);
                Assert.Equal(s.Tokens[^1].End, s.End);
                Assert.True(s.Start >= previousEnd);
                previousEnd = s.End;
                foreach (var t in s.Tokens) Assert.Equal(tokens[k++], t);
            }
            Assert.Equal(tokens.Length, k);
        }, iter: 2000);
    }
}
