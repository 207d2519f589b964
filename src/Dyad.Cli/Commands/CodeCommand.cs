using System.CommandLine;
using Dyad.Cli.Input;
using Dyad.Cli.Output;
using Dyad.Coding;

namespace Dyad.Cli.Commands;

/// <summary>
/// <c>dyad code</c>: reads documents, runs tokenizer, NLP pipeline, NER and the event coder, and writes one CodedEvent
/// JSON object per line.
/// </summary>
internal static class CodeCommand
{
    public static Command Create() => Create(openStdin: null);

    /// <param name="openStdin">Replaces standard input for "-" (tests).</param>
    internal static Command Create(Func<Stream>? openStdin)
    {
        var inputs = new InputOptions();
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl");
        var coding = new CodingOptions();
        var outputPath = new Option<string?>("--output", "-o") { Description = "Write to this file instead of stdout.", HelpName = "file" };

        var command = new Command("code", "Code political events (CAMEO/PLOVER) from documents; writes CodedEvent JSONL.");
        inputs.AddTo(command);
        command.Options.Add(format);
        coding.AddTo(command);
        command.Options.Add(outputPath);
        command.SetAction(result =>
        {
            var error = result.InvocationConfiguration.Error;
            var pipeline = coding.Load(result, error);
            if (pipeline is null) return 1;

            var settings = inputs.Bind(result, error, openStdin);
            if (settings is null) return 1;
            var path = result.GetValue(outputPath);
            using var output = ResultOutput.Open(path, result.InvocationConfiguration.Output);
            var writer = new CodedEventJsonlWriter(output.Writer);
            int status = InputBatch.Run(settings, error, document => writer.WriteAll(pipeline.Code(document).Events), resultsOnStdout: path is null);
            output.Writer.Flush();
            return status;
        });
        return command;
    }
}
