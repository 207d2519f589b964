using Dyad.Coding;
using Dyad.Coding.Coder;
using Dyad.Knowledge.Learning;
using Dyad.Nlp;
using Dyad.Nlp.Ner;
using Dyad.Store.Ingest;
using Dyad.Text;
using Dyad.Text.Tokenization;

namespace Dyad.Pipeline;

/// <summary>
/// Tokenizer, NLP pipeline, NER and event coder run over one document. The models keep their scratch space per
/// thread, so one loaded pipeline serves every coding thread of a process (dyad code, ingest, serve, a cluster silo).
/// </summary>
public sealed class CodingPipeline(NlpPipeline pipeline, EntityRecognizer recognizer, EventCoder coder)
{
    private readonly TextAnalyzer _analyzer = new();

    /// <summary>
    /// Loads the tagger, lemmatizer and parser from <paramref name="models"/> (default: the shipped folder), the NER
    /// model and the shipped dictionaries with an optional user dictionary laid over them.
    /// </summary>
    /// <exception cref="PipelineLoadException">A model or dictionary is missing or unreadable; the message says which.</exception>
    public static CodingPipeline Load(string? models, string? nerModel, string? actors)
    {
        NlpPipeline pipeline;
        EventCoder coder;
        // The three loads are independent: on two cores they overlap.
        var messages = new StringWriter();
        var loadCoder = Task.Run(() => EventCoder.Load(actors));
        var loadRecognizer = Task.Run(() => NerModelFile.Load(nerModel, messages));
        try
        {
            pipeline = NlpPipeline.Load(models);
            coder = loadCoder.GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is IOException or InvalidDataException or FormatException)
        {
            throw new PipelineLoadException(e.Message);
        }
        var recognizer = loadRecognizer.GetAwaiter().GetResult() ?? throw new PipelineLoadException(messages.ToString().Trim());
        return new CodingPipeline(pipeline, recognizer, coder);
    }

    /// <summary>The annotated document, the events coded from it and the people whose roles it states.</summary>
    public (AnnotatedDocument Annotated, IReadOnlyList<CodedEvent> Events, IReadOnlyList<LearnedActor> Learned) Code(Document document)
    {
        var annotated = Annotate(document);
        var events = coder.Code(annotated, out var learned);
        return (annotated, events, learned);
    }

    private AnnotatedDocument Annotate(Document document)
    {
        var annotated = _analyzer.Analyze(document);
        pipeline.Process(annotated);
        // Per document, as dyad code runs it: names repeated across sentences get one consistent type.
        recognizer.Recognize(annotated);
        return annotated;
    }

    /// <summary>The events with their explanations: the dependency path and the decisions behind each (dyad code --explain).</summary>
    public IReadOnlyList<CodedEvent> Explain(Document document) => coder.Code(Annotate(document), explain: true);

    /// <summary>
    /// The document coded into what the store keeps: sentence spans, events, the roles it stated, and its named
    /// entities and quotes for the document view.
    /// </summary>
    public IngestDocument CodeForStore(Document document)
    {
        var annotated = Annotate(document);
        var events = coder.Code(annotated, out var learned, out var marks);
        var sentences = new SentenceSpan[annotated.Sentences.Count];
        for (int i = 0; i < sentences.Length; i++)
            sentences[i] = new SentenceSpan(i, annotated.Sentences[i].Start, annotated.Sentences[i].End);
        return new IngestDocument(document, sentences, events, learned) { Marks = marks };
    }
}

/// <summary>A model or dictionary of the coding pipeline could not be loaded.</summary>
public sealed class PipelineLoadException(string message) : Exception(message);
