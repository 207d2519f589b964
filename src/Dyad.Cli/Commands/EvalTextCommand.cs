using System.CommandLine;
using System.Globalization;
using Dyad.Text.Conllu;
using Dyad.Text.Evaluation;
using Dyad.Text.Tokenization;

namespace Dyad.Cli.Commands;

/// <summary>`dyad eval text`: word and sentence segmentation scores on a CoNLL-U treebank, and tokenizer speed.</summary>
internal static class EvalTextCommand
{
    public const string DefaultTreebank = "../shared/data/ud/en-ewt/en_ewt-ud-test.conllu";

    public static Command Create()
    {
        var treebank = new Option<string>("--treebank")
        {
            Description = $"CoNLL-U file whose '# text' lines are re-tokenized (default {DefaultTreebank}, looked up from the repository root and the current directory).",
        };
        var errors = new Option<int>("--errors")
        {
            Description = "Also print up to this many missed gold words and sentences.",
            DefaultValueFactory = _ => 0,
        };
        var command = new Command("text", "Score tokenization and sentence splitting (exact character spans, as in CoNLL 2018).")
        {
            treebank, errors,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var path = DataPaths.Resolve(parse.GetValue(treebank) ?? DefaultTreebank);
            if (!File.Exists(path))
            {
                error.WriteLine($"dyad eval text: treebank not found: {path}");
                return 2;
            }
            TextEvaluationResult result;
            try
            {
                result = TextEvaluation.Run(path, new TextAnalyzer(), parse.GetValue(errors));
            }
            catch (ConlluFormatException e)
            {
                error.WriteLine($"dyad eval text: {e.Message}");
                return 2;
            }
            Print(output, path, result);
            return 0;
        });
        return command;
    }

    private static void Print(TextWriter output, string path, TextEvaluationResult r)
    {
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine($"treebank:  {path}");
        output.WriteLine($"documents: {r.Documents}");
        output.WriteLine(Line("words", r.Words));
        output.WriteLine(Line("sentences", r.Sentences));
        output.WriteLine(string.Create(inv,
            $"speed:     {r.TokensPerSecond:N0} tokens/s ({r.TokensProduced:N0} tokens in {r.AnalysisTime.TotalMilliseconds:N1} ms, fastest of 5 passes, one thread, tokenize + split)"));
        foreach (var e in r.WordErrors) output.WriteLine(e);
        foreach (var e in r.SentenceErrors) output.WriteLine(e);

        static string Line(string name, SpanScore s) => string.Create(CultureInfo.InvariantCulture,
            $"{name + ":",-10} P {s.Precision * 100:F2}  R {s.Recall * 100:F2}  F1 {s.F1 * 100:F2}  (gold {s.Gold}, predicted {s.Predicted}, correct {s.Correct})");
    }
}
