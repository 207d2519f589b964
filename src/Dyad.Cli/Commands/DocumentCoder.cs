using Dyad.Coding;
using Dyad.Coding.Coder;
using Dyad.Nlp;
using Dyad.Nlp.Ner;
using Dyad.Text;
using Dyad.Text.Tokenization;

namespace Dyad.Cli.Commands;

/// <summary>The whole coding pipeline for one document: tokenize and split, tag/lemmatize/parse, NER, event coder.</summary>
internal sealed class DocumentCoder(NlpPipeline pipeline, EntityRecognizer recognizer, EventCoder coder)
{
    private readonly TextAnalyzer _analyzer = new();

    public IReadOnlyList<CodedEvent> Code(Document document) => Code(document, out _);

    /// <summary>Codes a document and hands back its annotation too (for explanations).</summary>
    public IReadOnlyList<CodedEvent> Code(Document document, out AnnotatedDocument annotated)
    {
        annotated = _analyzer.Analyze(document);
        pipeline.Process(annotated);
        // Per document, as dyad code runs it: names repeated across sentences get one consistent type.
        recognizer.Recognize(annotated);
        return coder.Code(annotated);
    }

    /// <summary>
    /// Loads the NLP models and NER model around a coder; null after writing the reason to <paramref name="error"/>.
    /// </summary>
    public static DocumentCoder? Load(string? models, string? nerModel, Func<EventCoder> coder, TextWriter error)
    {
        try
        {
            var pipeline = NlpPipeline.Load(models);
            var recognizer = NerModelFile.Load(nerModel, error);
            return recognizer == null ? null : new DocumentCoder(pipeline, recognizer, coder());
        }
        catch (Exception e) when (e is IOException or InvalidDataException or FormatException)
        {
            error.WriteLine("dyad: " + e.Message);
            return null;
        }
    }
}
