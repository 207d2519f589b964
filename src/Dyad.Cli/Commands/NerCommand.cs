using System.CommandLine;
using Dyad.Nlp.Ner;

namespace Dyad.Cli.Commands;

/// <summary>`dyad ner`: tags the tokens of an IOB2 file with PER/ORG/LOC, keeping every other column.</summary>
internal static class NerCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("file") { Description = "Input file (\"-\" for standard input)." };
        var inputFormat = new Option<string>("--input-format") { Description = "Input format: iob2 (UNER layout, or CoNLL layout with the tag last).", DefaultValueFactory = _ => "iob2" };
        inputFormat.AcceptOnlyFromAmong("iob2");
        var format = new Option<string>("--format") { Description = "Output format: iob2 (the input lines with the tag column replaced).", DefaultValueFactory = _ => "iob2" };
        format.AcceptOnlyFromAmong("iob2");
        var model = new Option<string?>("--model") { Description = $"NER model file (default models/{NerModelFile.DefaultName})." };
        var command = new Command("ner", "Recognize named entities (PER, ORG, LOC) in tokenized text; gold tags in the input are ignored.") { input, inputFormat, format, model };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            string path = parse.GetValue(input)!;
            List<IobSentence> sentences;
            if (path == "-")
            {
                try { sentences = IobFile.Read(Console.In, "<stdin>"); }
                catch (FormatException e) { error.WriteLine($"error: {e.Message}"); return 2; }
            }
            else
            {
                var read = NerModelFile.ReadIob(path, null, error);
                if (read == null) return 2;
                sentences = read;
            }
            var recognizer = NerModelFile.Load(parse.GetValue(model), error);
            if (recognizer == null) return 2;
            var tags = new List<string[]>(sentences.Count);
            var found = IobFile.Recognize(recognizer, sentences);
            for (int i = 0; i < sentences.Count; i++) tags.Add(BioTags.FromSpans(sentences[i].Count, found[i]));
            IobFile.Write(output, sentences, tags);
            return 0;
        });
        return command;
    }
}
