using System.CommandLine;
using Dyad.Coding;
using Dyad.Coding.Coder;
using Dyad.Knowledge.Learning;
using Dyad.Nlp;
using Dyad.Nlp.Ner;
using Dyad.Text;
using Dyad.Text.Tokenization;
using Dyad.Server.Ingest;
using Dyad.Store.Ingest;

namespace Dyad.Cli.Commands;

/// <summary>
/// The options that choose the models of the coding pipeline (shared by <c>dyad code</c> and <c>dyad ingest</c>),
/// and loading them.
/// </summary>
internal sealed class CodingOptions
{
    public Option<DirectoryInfo?> Models { get; } = new("--models") { Description = "Models directory for the tagger, lemmatizer and parser (default: the models/ folder next to dyad or in the repository)." };
    public Option<string?> NerModel { get; } = new("--ner-model") { Description = $"NER model file (default models/{NerModelFile.DefaultName})." };
    public Option<string?> Actors { get; } = new("--actors") { Description = "User actor dictionary laid over the shipped one (docs/actors.md)." };

    public void AddTo(Command command)
    {
        command.Options.Add(Models);
        command.Options.Add(NerModel);
        command.Options.Add(Actors);
    }

    /// <summary>The loaded pipeline, or null after writing why to <paramref name="error"/>.</summary>
    public CodingPipeline? Load(ParseResult result, TextWriter error)
    {
        NlpPipeline pipeline;
        EventCoder coder;
        // The three loads are independent: on two cores they overlap.
        var loadCoder = Task.Run(() => EventCoder.Load(result.GetValue(Actors)));
        var loadRecognizer = Task.Run(() => NerModelFile.Load(result.GetValue(NerModel), error));
        try
        {
            pipeline = NlpPipeline.Load(result.GetValue(Models)?.FullName);
            coder = loadCoder.GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is IOException or InvalidDataException or FormatException)
        {
            error.WriteLine("dyad: " + e.Message);
            return null;
        }
        var recognizer = loadRecognizer.GetAwaiter().GetResult();
        return recognizer is null ? null : new CodingPipeline(pipeline, recognizer, coder);
    }
}

/// <summary>Tokenizer, NLP pipeline, NER and event coder run over one document.</summary>
internal sealed class CodingPipeline(NlpPipeline pipeline, EntityRecognizer recognizer, EventCoder coder) : IDocumentCoder
{
    private readonly TextAnalyzer _analyzer = new();

    /// <summary>The annotated document, the events coded from it and the people whose roles it states.</summary>
    public (AnnotatedDocument Annotated, IReadOnlyList<CodedEvent> Events, IReadOnlyList<LearnedActor> Learned) Code(Document document)
    {
        var annotated = _analyzer.Analyze(document);
        pipeline.Process(annotated);
        foreach (var sentence in annotated.Sentences) recognizer.Recognize(sentence);
        var events = coder.Code(annotated, out var learned);
        return (annotated, events, learned);
    }

    /// <summary>The document coded into what the store keeps: sentence spans, events and the roles it stated.</summary>
    public IngestDocument CodeForStore(Document document)
    {
        var (annotated, events, learned) = Code(document);
        var sentences = new SentenceSpan[annotated.Sentences.Count];
        for (int i = 0; i < sentences.Length; i++)
            sentences[i] = new SentenceSpan(i, annotated.Sentences[i].Start, annotated.Sentences[i].End);
        return new IngestDocument(document, sentences, events, learned);
    }
}
