using System.CommandLine;
using System.Text;
using Dyad.Cli.Input;
using Dyad.Cli.Output;
using Dyad.Nlp;
using Dyad.Text.Conllu;
using Dyad.Text.Readers;
using Dyad.Text.Tokenization;

namespace Dyad.Cli.Commands;

/// <summary>
/// <c>dyad parse</c>: reads documents (or CoNLL-U), tokenizes and splits them, tags, lemmatizes and
/// dependency-parses every sentence and writes CoNLL-U.
/// </summary>
internal static class ParseCommand
{
    private static readonly string[] Formats = ["auto", "text", "jsonl", "json", "html", "rss", "conllu"];

    public static Command Create() => Create(openStdin: null);

    /// <param name="openStdin">Replaces standard input for "-" (tests).</param>
    internal static Command Create(Func<Stream>? openStdin)
    {
        var inputs = new InputOptions();
        // Our own --input-format: the shared one knows only document formats, parse also takes CoNLL-U.
        var inputFormat = new Option<string>("--input-format")
        {
            Description = "Input format: auto (by extension, then content; *.conllu files are CoNLL-U), text, jsonl, json, html, rss, " +
                          "or conllu (words and sentence breaks taken from a CoNLL-U file, its annotation columns ignored).",
            DefaultValueFactory = _ => "auto",
        };
        inputFormat.AcceptOnlyFromAmong(Formats);
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "conllu" };
        format.AcceptOnlyFromAmong("conllu");
        var models = new Option<DirectoryInfo?>("--models") { Description = "Models directory (default: the models/ folder next to dyad or in the repository)." };
        var beam = new Option<int?>("--beam") { Description = "Parser beam width (default: the model's; smaller is faster and a little less accurate)." };
        var outputPath = new Option<string?>("--output", "-o") { Description = "Write to this file instead of stdout.", HelpName = "file" };

        var command = new Command("parse", "Tokenize, tag, lemmatize and dependency-parse documents; writes CoNLL-U.");
        command.Options.Add(inputFormat);
        inputs.AddTo(command, withFormat: false);
        command.Options.Add(format);
        command.Options.Add(models);
        command.Options.Add(beam);
        command.Options.Add(outputPath);
        command.SetAction(result =>
        {
            var error = result.InvocationConfiguration.Error;
            NlpPipeline pipeline;
            try
            {
                pipeline = NlpPipeline.Load(result.GetValue(models)?.FullName);
            }
            catch (Exception e) when (e is IOException or InvalidDataException)
            {
                error.WriteLine("dyad: " + e.Message);
                return 1;
            }
            if (result.GetValue(beam) is int width)
            {
                if (width < 1) { error.WriteLine("dyad: --beam must be at least 1"); return 2; }
                pipeline = pipeline.WithParserBeam(width);
            }
            var files = result.GetValue(inputs.Inputs) ?? [];
            var formatName = result.GetValue(inputFormat)!;
            bool conllu = formatName == "conllu"
                || (formatName == "auto" && files.Length > 0 && files.All(f => f.EndsWith(".conllu", StringComparison.OrdinalIgnoreCase)));

            var path = result.GetValue(outputPath);
            using var output = ResultOutput.Open(path, result.InvocationConfiguration.Output);
            var writer = output.Writer;
            if (conllu) return ParseConllu(files, pipeline, writer, error, openStdin);

            var settings = inputs.Bind(result, error, openStdin);
            if (settings is null) return 1;
            settings = settings with { Reader = settings.Reader with { Format = Enum.Parse<InputFormat>(formatName, ignoreCase: true) } };
            var analyzer = new TextAnalyzer();
            int status = InputBatch.Run(settings, error, document =>
            {
                var annotated = analyzer.Analyze(document);
                pipeline.Process(annotated);
                ConlluDocumentWriter.Write(writer, annotated);
            }, resultsOnStdout: path is null);
            writer.Flush();
            return status;
        });
        return command;
    }

    private static int ParseConllu(string[] files, NlpPipeline pipeline, TextWriter writer, TextWriter error, Func<Stream>? openStdin)
    {
        if (files.Length == 0) files = ["-"];
        foreach (var file in files)
        {
            if (file != "-" && !File.Exists(file)) { error.WriteLine($"dyad: {file} does not exist"); return 2; }
            try
            {
                using var reader = file == "-"
                    ? new StreamReader(openStdin?.Invoke() ?? Console.OpenStandardInput())
                    : new StreamReader(file);
                foreach (var record in ConlluReader.Read(reader, file == "-" ? "<stdin>" : file))
                {
                    ConlluSentences.Annotate(pipeline, record);
                    ConlluWriter.Write(writer, record);
                }
            }
            catch (Exception e) when (e is ConlluFormatException or IOException)
            {
                writer.Flush();
                error.WriteLine("dyad: " + e.Message);
                return 1;
            }
        }
        writer.Flush();
        return 0;
    }
}
