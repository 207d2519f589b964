using System.CommandLine;
using Dyad.Coding;
using Dyad.Coding.Coder;
using Dyad.Nlp;
using Dyad.Nlp.Ner;
using Dyad.Server;
using Dyad.Server.Api;
using Dyad.Server.Ingest;
using Dyad.Server.Queries;
using Dyad.Store.DuckDb;
using Dyad.Store.Ingest;
using Dyad.Text;
using Dyad.Text.Tokenization;
using Microsoft.Extensions.Hosting;

namespace Dyad.Cli.Commands;

/// <summary>
/// <c>dyad serve</c>: the HTTP API and the dashboard over a store, on loopback unless told otherwise. Prints the
/// address and a fresh write token; runs until Ctrl+C.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var store = new Option<string>("--store") { Description = "The DuckDB store file to serve (made by dyad ingest).", Required = true, HelpName = "file" };
        var port = new Option<int>("--port") { Description = "TCP port (0 picks a free one).", DefaultValueFactory = _ => 8321 };
        var host = new Option<string>("--host") { Description = "Address to bind; keep loopback unless the network is trusted.", DefaultValueFactory = _ => "127.0.0.1" };
        var models = new Option<DirectoryInfo?>("--models") { Description = "Models directory for the tagger, lemmatizer and parser (ingest page)." };
        var nerModel = new Option<string?>("--ner-model") { Description = $"NER model file (default models/{NerModelFile.DefaultName})." };
        var actors = new Option<string?>("--actors") { Description = "User actor dictionary laid over the shipped one (docs/actors.md)." };

        var command = new Command("serve", "Serve the store's events as a JSON API (/openapi.json) and a dashboard in the browser.");
        command.Options.Add(store);
        command.Options.Add(port);
        command.Options.Add(host);
        command.Options.Add(models);
        command.Options.Add(nerModel);
        command.Options.Add(actors);
        command.SetAction(async (result, cancel) =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            var path = result.GetValue(store)!;
            if (!File.Exists(path))
            {
                error.WriteLine($"dyad: store {path} does not exist; create it with dyad ingest --store {path} FILES.");
                return 1;
            }
            if (result.GetValue(port) is < 0 or > 65535)
            {
                error.WriteLine("dyad: --port must be from 0 to 65535.");
                return 1;
            }
            DuckDbEventStore opened;
            try
            {
                opened = DuckDbEventStore.Open(path);
            }
            catch (Exception e) when (e is IOException or InvalidDataException)
            {
                error.WriteLine("dyad: " + e.Message);
                return 1;
            }
            using var _ = opened;
            var token = WriteToken.CreateRandom();
            var coder = new LazyDocumentCoder(() => PipelineDocumentCoder.Load(result.GetValue(models), result.GetValue(nerModel), result.GetValue(actors)));
            var options = new ServerOptions(result.GetValue(host)!, result.GetValue(port));
            try
            {
                await using var app = DyadServer.Build(options, new DashboardData(opened), token, coder);
                await app.StartAsync(cancel);
                output.WriteLine($"dyad serve: {DyadServer.BoundAddress(app)} (store {path}); Ctrl+C stops.");
                output.WriteLine($"write token (ingest page, or 'Authorization: Bearer TOKEN'): {token.Value}");
                if (!System.Net.IPAddress.IsLoopback(System.Net.IPAddress.Parse(options.Host == "localhost" ? "127.0.0.1" : options.Host)))
                    error.WriteLine("dyad: warning: reads are open to anyone who can reach this address.");
                output.Flush();
                await app.WaitForShutdownAsync(cancel);
            }
            catch (Exception e) when (e is ArgumentException or IOException)
            {
                error.WriteLine("dyad: " + e.Message);
                return 1;
            }
            return 0;
        });
        return command;
    }
}

/// <summary>Loads the models on the first ingest, so serving reads starts at once.</summary>
internal sealed class LazyDocumentCoder(Func<IDocumentCoder> load) : IDocumentCoder
{
    private readonly Lazy<IDocumentCoder> _coder = new(load);

    public IngestDocument Code(Document document) => _coder.Value.Code(document);
}

/// <summary>The <c>dyad code</c> pipeline (tokenizer, tagger, parser, NER, event coder) producing what the store keeps.</summary>
internal sealed class PipelineDocumentCoder(NlpPipeline pipeline, EntityRecognizer recognizer, EventCoder coder) : IDocumentCoder
{
    private readonly TextAnalyzer _analyzer = new();

    public static PipelineDocumentCoder Load(DirectoryInfo? models, string? nerModel, string? actors)
    {
        var messages = new StringWriter();
        var recognizer = NerModelFile.Load(nerModel, messages) ?? throw new IOException(messages.ToString().Trim());
        return new PipelineDocumentCoder(NlpPipeline.Load(models?.FullName), recognizer, EventCoder.Load(actors));
    }

    public IngestDocument Code(Document document)
    {
        var annotated = _analyzer.Analyze(document);
        pipeline.Process(annotated);
        foreach (var sentence in annotated.Sentences) recognizer.Recognize(sentence);
        IReadOnlyList<CodedEvent> events = coder.Code(annotated);
        var sentences = new SentenceSpan[annotated.Sentences.Count];
        for (int i = 0; i < sentences.Length; i++)
            sentences[i] = new SentenceSpan(i, annotated.Sentences[i].Start, annotated.Sentences[i].End);
        return new IngestDocument(document, sentences, events, []);
    }
}
