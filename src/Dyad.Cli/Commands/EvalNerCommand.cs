using System.CommandLine;
using Dyad.Nlp.Ner;

namespace Dyad.Cli.Commands;

/// <summary>`dyad eval ner`: span precision, recall and F1 per type against a gold IOB file.</summary>
internal static class EvalNerCommand
{
    public static Command Create()
    {
        var gold = new Option<string>("--gold") { Description = "Gold IOB2 file (UNER layout, or CoNLL layout with the tag last).", Required = true };
        var system = new Option<string?>("--system") { Description = "Score this tagged file (same tokens as --gold) instead of running the model." };
        var model = new Option<string?>("--model") { Description = $"NER model file (default models/{NerModelFile.DefaultName})." };
        var command = new Command("ner", "Score named-entity recognition: exact-span P/R/F1 per type (PER, ORG, LOC) and overall.") { gold, system, model };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            string goldPath = parse.GetValue(gold)!;
            var goldSentences = NerModelFile.ReadIob(goldPath, null, error);
            if (goldSentences == null) return 2;
            var scores = new SpanScores();
            if (parse.GetValue(system) is { } systemPath)
            {
                var systemSentences = NerModelFile.ReadIob(systemPath, null, error);
                if (systemSentences == null) return 2;
                if (systemSentences.Count != goldSentences.Count)
                {
                    error.WriteLine($"error: {systemPath} has {systemSentences.Count} sentences but {goldPath} has {goldSentences.Count}.");
                    return 2;
                }
                for (int i = 0; i < goldSentences.Count; i++)
                {
                    if (systemSentences[i].Count != goldSentences[i].Count)
                    {
                        error.WriteLine($"error: {systemPath}:{systemSentences[i].FirstLine}: sentence {i + 1} has {systemSentences[i].Count} tokens, gold has {goldSentences[i].Count}.");
                        return 2;
                    }
                    scores.Add(goldSentences[i].GoldSpans(), systemSentences[i].GoldSpans());
                }
            }
            else
            {
                var recognizer = NerModelFile.Load(parse.GetValue(model), error);
                if (recognizer == null) return 2;
                var found = IobFile.Recognize(recognizer, goldSentences);
                for (int i = 0; i < goldSentences.Count; i++) scores.Add(goldSentences[i].GoldSpans(), found[i]);
            }
            output.WriteLine($"{goldPath}: {goldSentences.Count:N0} sentences, {goldSentences.Sum(s => s.Count):N0} tokens");
            scores.WriteTable(output);
            return 0;
        });
        return command;
    }
}
