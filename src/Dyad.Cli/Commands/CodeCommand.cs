using System.CommandLine;
using System.Runtime;
using Dyad.Cli.Input;
using Dyad.Cli.Output;
using Dyad.Coding;
using Dyad.Coding.Coder;
using Dyad.Nlp;
using Dyad.Text.Tokenization;

namespace Dyad.Cli.Commands;

/// <summary>
/// <c>dyad code</c>: reads documents, runs tokenizer, NLP pipeline, NER and the event coder, and writes one CodedEvent
/// JSON object per line, or a record of another format (<see cref="CodedEventOutput"/>).
/// </summary>
internal static class CodeCommand
{
    public static Command Create() => Create(openStdin: null);

    /// <param name="openStdin">Replaces standard input for "-" (tests).</param>
    internal static Command Create(Func<Stream>? openStdin)
    {
        var inputs = new InputOptions();
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong(CodedEventOutput.Formats);
        var models = new Option<DirectoryInfo?>("--models") { Description = "Models directory for the tagger, lemmatizer and parser (default: the models/ folder next to dyad or in the repository)." };
        var nerModel = new Option<string?>("--ner-model") { Description = $"NER model file (default models/{NerModelFile.DefaultName})." };
        var actors = new Option<string?>("--actors") { Description = "User actor dictionary laid over the shipped one (docs/actors.md)." };
        var explain = new Option<bool>("--explain") { Description = "Add to each event the dependency path it matched and the coding decisions (field \"explain\")." };
        var outputPath = new Option<string?>("--output", "-o", "--out") { Description = "Write to this file instead of stdout.", HelpName = "file" };
        var threads = ThreadsOption.Create("tokenizing, NLP, NER and coding");

        var command = new Command("code", "Code political events (CAMEO/PLOVER) from documents; writes CodedEvent JSONL (or TSV, PLOVER, GDELT).");
        inputs.AddTo(command);
        command.Options.Add(format);
        command.Options.Add(models);
        command.Options.Add(nerModel);
        command.Options.Add(actors);
        command.Options.Add(explain);
        command.Options.Add(outputPath);
        command.Options.Add(threads);
        command.SetAction(result =>
        {
            var error = result.InvocationConfiguration.Error;
            // A batch job: no background collections, whose extra thread competes with the coding threads for the
            // cores (most of the heap is model tables allocated once, so the blocking collections stay short).
            GCSettings.LatencyMode = GCLatencyMode.Batch;
            NlpPipeline pipeline;
            EventCoder coder;
            // The three loads are independent: on two cores they overlap.
            var loadCoder = Task.Run(() => EventCoder.Load(result.GetValue(actors)));
            var loadRecognizer = Task.Run(() => NerModelFile.Load(result.GetValue(nerModel), error));
            try
            {
                pipeline = NlpPipeline.Load(result.GetValue(models)?.FullName);
                coder = loadCoder.GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is IOException or InvalidDataException or FormatException)
            {
                error.WriteLine("dyad: " + e.Message);
                return 1;
            }
            var recognizer = loadRecognizer.GetAwaiter().GetResult();
            if (recognizer == null) return 1;

            var settings = inputs.Bind(result, error, openStdin);
            if (settings is null) return 1;
            var path = result.GetValue(outputPath);
            using var output = ResultOutput.Open(path, result.InvocationConfiguration.Output);
            var writer = new CodedEventOutput(result.GetValue(format)!, output.Writer);
            var analyzer = new TextAnalyzer();
            bool explaining = result.GetValue(explain);
            // Analysis and coding run on the worker threads (the models keep their scratch space per thread);
            // writing stays on this thread, in input order.
            int status = InputBatch.Run(settings, error, document =>
            {
                var annotated = analyzer.Analyze(document);
                pipeline.Process(annotated);
                recognizer.Recognize(annotated);
                return (document, events: coder.Code(annotated, explaining));
            }, coded => writer.Write(coded.document, coded.events), result.GetValue(threads), resultsOnStdout: path is null);
            output.Writer.Flush();
            return status;
        });
        return command;
    }
}
