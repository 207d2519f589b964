namespace Dyad.Text.Tokenization;

/// <summary>
/// Splits English text into tokens following the UD English-EWT conventions: clitics split ("do n't", "China 's",
/// "can not", "gon na"), punctuation split from words but abbreviations keep their period ("U.S.", "Gen."),
/// numbers kept whole ("3.5", "1,000", "7:30") with units split off ("5 kg"), hyphenated compounds split
/// ("long - term") except after common prefixes ("e-mail", "non-profit"), and URLs, e-mail addresses,
/// @handles and #hashtags kept whole.
/// Every token is an exact slice of the input (offsets never move); normalized forms go to <see cref="Token.Norm"/>.
/// </summary>
/// <remarks>
/// A hand-written scanner rather than regular expressions: it runs once over each character on the hot path
/// of the whole pipeline. The class holds no state, so one instance can be shared between threads.
/// </remarks>
public sealed class Tokenizer
{
    public static Tokenizer Default { get; } = new();

    /// <summary>Tokenizes the whole text.</summary>
    public Token[] Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var list = new List<Token>(text.Length / 5 + 4);
        Tokenize(text, 0, text.Length, list);
        return list.ToArray();
    }

    /// <summary>
    /// Appends the tokens of <c>text[start..end)</c> to <paramref name="output"/>. Offsets are into <paramref name="text"/>;
    /// SpaceAfter looks at the character after each token even when it lies beyond <paramref name="end"/>.
    /// </summary>
    public void Tokenize(string text, int start, int end, List<Token> output)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(output);
        if ((uint)start > (uint)text.Length || end < start || end > text.Length)
            throw new ArgumentOutOfRangeException(nameof(start), $"range [{start}, {end}) is outside the text of length {text.Length}");
        var scanner = new ChunkScanner(text, output);
        int p = start;
        while (p < end)
        {
            while (p < end && CharKinds.IsSeparator(text[p])) p++;
            if (p >= end) break;
            int chunkStart = p;
            while (p < end && !CharKinds.IsSeparator(text[p])) p++;
            scanner.Chunk(chunkStart, p);
        }
    }
}
