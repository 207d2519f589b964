namespace Dyad.Text;

/// <summary>
/// A sentence: its character range in the document text and its tokens. Later stages attach their
/// per-token output as plain parallel arrays (index i describes <c>Tokens[i]</c>), so a pattern matcher
/// can walk them without copying.
/// </summary>
public sealed class Sentence
{
    public Sentence(int start, int end, Token[] tokens)
    {
        Start = start;
        End = end;
        Tokens = tokens;
    }

    /// <summary>Character offset of the first token's start in the document text.</summary>
    public int Start { get; }
    /// <summary>Character offset just past the last token.</summary>
    public int End { get; }
    public Token[] Tokens { get; }
    public int Count => Tokens.Length;

    /// <summary>Set when the sentence is the attribution line of an embedded tweet ("— Name (@handle) February 2, 2020").</summary>
    public TweetAttribution? Tweet { get; set; }

    // Filled by the tagger, lemmatizer and parser (Dyad.Nlp); null until then.
    public string[]? Upos { get; set; }
    public string[]? Xpos { get; set; }
    public string[]? Feats { get; set; }
    public string[]? Lemmas { get; set; }
    /// <summary>Head of each token as a 1-based token index; 0 is the root (CoNLL-U convention).</summary>
    public int[]? Heads { get; set; }
    public string[]? Relations { get; set; }

    // Filled by the entity recognizer (Dyad.Nlp.Ner); null until then.
    /// <summary>Named-entity mentions (PER, ORG, LOC) in token order, non-overlapping.</summary>
    public EntitySpan[]? Entities { get; set; }
    /// <summary>
    /// Per token: the country or group a nationality/demonym word refers to ("Kazakh" -> "KAZ", "Chinese" -> "CHN",
    /// ethnic groups by their lower-case CAMEO ethnic code, "Uighur" -> "uig"); null for other tokens.
    /// </summary>
    public string?[]? Demonyms { get; set; }

    public string TextOf(string documentText) => documentText[Start..End];
}

/// <summary>Who posted an embedded tweet and when, as printed on its attribution line.</summary>
public sealed record TweetAttribution(string? AuthorName, string? Handle, DateOnly? Date);
