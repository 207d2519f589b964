namespace Dyad.Text;

/// <summary>
/// The one structure that flows through the pipeline after reading: the document and its sentences.
/// Each stage adds to the sentences it is given rather than building a new structure.
/// </summary>
public sealed class AnnotatedDocument
{
    public AnnotatedDocument(Document document, IReadOnlyList<Sentence> sentences)
    {
        Document = document;
        Sentences = sentences;
    }

    public Document Document { get; }
    public string Text => Document.Text;
    public IReadOnlyList<Sentence> Sentences { get; }
}
