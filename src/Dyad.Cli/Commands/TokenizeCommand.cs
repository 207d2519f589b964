using System.CommandLine;
using System.Text;
using Dyad.Cli.Input;
using Dyad.Cli.Output;
using Dyad.Text;
using Dyad.Text.Conllu;
using Dyad.Text.Tokenization;

namespace Dyad.Cli.Commands;

/// <summary>`dyad tokenize`: reads documents and writes their sentences and tokens with character offsets.</summary>
internal static class TokenizeCommand
{
    public static Command Create() => Create(openStdin: null);

    /// <param name="openStdin">Replaces standard input for "-" (tests).</param>
    internal static Command Create(Func<Stream>? openStdin)
    {
        var inputs = new InputOptions();
        var format = new Option<string>("--format")
        {
            Description = "Output format: jsonl (one sentence per line with token offsets) or conllu.",
            DefaultValueFactory = _ => "jsonl",
        };
        format.AcceptOnlyFromAmong("jsonl", "conllu");
        var outputPath = new Option<string?>("--output", "-o")
        {
            Description = "Write to this file instead of stdout.",
            HelpName = "file",
        };

        var command = new Command("tokenize", "Split documents into sentences and tokens (JSONL with character offsets, or CoNLL-U).");
        inputs.AddTo(command);
        command.Options.Add(format);
        command.Options.Add(outputPath);
        command.SetAction(result =>
        {
            var error = result.InvocationConfiguration.Error;
            var settings = inputs.Bind(result, error, openStdin);
            if (settings is null) return 1;

            var path = result.GetValue(outputPath);
            using var output = ResultOutput.Open(path, result.InvocationConfiguration.Output);
            var analyzer = new TextAnalyzer();
            var writer = output.Writer;
            Action<AnnotatedDocument> write = result.GetValue(format) == "conllu"
                ? annotated => ConlluDocumentWriter.Write(writer, annotated)
                : new SentenceJsonlWriter(writer).Write;
            int status = InputBatch.Run(settings, error, document => write(analyzer.Analyze(document)), resultsOnStdout: path is null);
            output.Writer.Flush();
            return status;
        });
        return command;
    }
}
