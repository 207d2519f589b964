using System.CommandLine;
using Dyad.Nlp;
using Dyad.Text.Conllu;

namespace Dyad.Cli.Commands;

/// <summary><c>dyad eval nlp</c>: scores the tagger, lemmatizer and parser on a gold CoNLL-U treebank.</summary>
internal static class EvalNlpCommand
{
    public static Command Create()
    {
        var treebank = new Option<FileInfo>("--treebank") { Description = "Gold treebank (CoNLL-U); its tokenization is used, every other column is predicted and compared.", Required = true };
        var models = new Option<DirectoryInfo?>("--models") { Description = "Models directory (default: the models/ folder next to dyad or in the repository)." };
        var beam = new Option<int?>("--beam") { Description = "Parser beam width (default: the model's; smaller is faster and a little less accurate)." };
        var command = new Command("nlp", "Score UPOS, XPOS, UFeats, lemmas, UAS and LAS (CoNLL 2018 definitions) and report tokens/s.")
        {
            treebank, models, beam,
        };
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var file = parse.GetRequiredValue(treebank);
            if (!file.Exists) { stderr.WriteLine($"error: {file.FullName} does not exist"); return 2; }
            try
            {
                var pipeline = NlpPipeline.Load(parse.GetValue(models)?.FullName);
                if (parse.GetValue(beam) is int width)
                {
                    if (width < 1) { stderr.WriteLine("error: --beam must be at least 1"); return 2; }
                    pipeline = pipeline.WithParserBeam(width);
                }
                var gold = ConlluReader.ReadFile(file.FullName).ToList();
                foreach (var s in gold)
                    foreach (var w in s.Words)
                        if (w.Head < 0) throw new ConlluFormatException($"{file.FullName}:{s.LineNumber}: word {w.Id} has no gold HEAD");
                stdout.WriteLine($"treebank {file.FullName}: {gold.Count} sentences");
                stdout.WriteLine(NlpEvaluation.Evaluate(pipeline, gold));
                return 0;
            }
            catch (Exception e) when (e is ConlluFormatException or IOException or InvalidDataException)
            {
                stderr.WriteLine("error: " + e.Message);
                return 1;
            }
        });
        return command;
    }
}
