using System.CommandLine;
using Dyad.Nlp;
using Dyad.Text.Conllu;

namespace Dyad.Cli.Commands;

/// <summary><c>dyad parse</c>: tags, lemmatizes and parses documents and writes CoNLL-U.</summary>
internal static class ParseCommand
{
    public static Command Create()
    {
        var inputs = new Argument<FileInfo[]>("inputs") { Description = "Input files ('-' reads standard input).", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "conllu" };
        format.AcceptOnlyFromAmong("conllu");
        var inputFormat = new Option<string>("--input-format") { Description = "conllu: take words and sentence breaks from a CoNLL-U file (its annotation columns are ignored).", DefaultValueFactory = _ => "conllu" };
        inputFormat.AcceptOnlyFromAmong("conllu");
        var models = new Option<DirectoryInfo?>("--models") { Description = "Models directory (default: the models/ folder next to dyad or in the repository)." };
        var beam = new Option<int?>("--beam") { Description = "Parser beam width (default: the model's; smaller is faster and a little less accurate)." };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write here instead of standard output." };
        var command = new Command("parse", "Tag, lemmatize and dependency-parse text; writes CoNLL-U.")
        {
            inputs, format, inputFormat, models, beam, output,
        };
        command.SetAction(parse =>
        {
            var stderr = parse.InvocationConfiguration.Error;
            var files = parse.GetRequiredValue(inputs);
            foreach (var f in files)
                if (f.Name != "-" && !f.Exists) { stderr.WriteLine($"error: {f.FullName} does not exist"); return 2; }
            var outFile = parse.GetValue(output);
            try
            {
                var pipeline = NlpPipeline.Load(parse.GetValue(models)?.FullName);
                if (parse.GetValue(beam) is int width)
                {
                    if (width < 1) { stderr.WriteLine("error: --beam must be at least 1"); return 2; }
                    pipeline = pipeline.WithParserBeam(width);
                }
                using var fileWriter = outFile == null ? null : new StreamWriter(outFile.FullName);
                var writer = fileWriter ?? parse.InvocationConfiguration.Output;
                foreach (var f in files)
                {
                    using var reader = f.Name == "-" ? new StreamReader(Console.OpenStandardInput()) : new StreamReader(f.FullName);
                    foreach (var record in ConlluReader.Read(reader, f.Name == "-" ? "<stdin>" : f.FullName))
                    {
                        ConlluSentences.Annotate(pipeline, record);
                        ConlluWriter.Write(writer, record);
                    }
                }
                writer.Flush();
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
