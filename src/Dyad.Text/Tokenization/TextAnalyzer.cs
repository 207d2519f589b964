namespace Dyad.Text.Tokenization;

/// <summary>
/// The first stage after reading: tokenizes a document and splits it into sentences.
/// Holds no per-call state, so one instance can serve many threads.
/// </summary>
public sealed class TextAnalyzer
{
    private readonly Tokenizer _tokenizer;
    private readonly SentenceSplitter _splitter;

    public TextAnalyzer() : this(Tokenizer.Default, SentenceSplitter.Default) { }

    public TextAnalyzer(Tokenizer tokenizer, SentenceSplitter splitter)
    {
        _tokenizer = tokenizer ?? throw new ArgumentNullException(nameof(tokenizer));
        _splitter = splitter ?? throw new ArgumentNullException(nameof(splitter));
    }

    public AnnotatedDocument Analyze(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = document.Text ?? string.Empty;
        var tokens = new List<Token>(text.Length / 5 + 4);
        _tokenizer.Tokenize(text, 0, text.Length, tokens);
        return new AnnotatedDocument(document, _splitter.Split(text, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tokens)));
    }

    /// <summary>Convenience for plain text with no document metadata.</summary>
    public AnnotatedDocument Analyze(string text) => Analyze(new Document("text", DateOnly.MinValue, text));
}
