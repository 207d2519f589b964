using System.CommandLine;
using System.Diagnostics;
using Dyad.Cli.Output;
using Dyad.Coding.Coder;
using Dyad.Coding.Evaluation;
using Dyad.Coding.Lexicon;
using Dyad.Coding.Ontology;
using Dyad.Knowledge.Resolution;
using Dyad.Text;

namespace Dyad.Cli.Commands;

/// <summary>
/// <c>dyad eval events</c>: codes each text of a gold JSONL file with the shipped models and dictionaries and scores
/// the events at three levels (docs/evaluation.md).
/// </summary>
internal static class EvalEventsCommand
{
    public static Command Create()
    {
        var gold = new Option<FileInfo>("--gold") { Description = "Gold file: JSON Lines of {id, date, text, events: [{source, target, code}]}.", Required = true };
        var diff = new Option<string?>("--diff") { Description = "Write one JSON line per text (id, text, expected, got, missing, extra) to this file.", HelpName = "file" };
        var models = new Option<DirectoryInfo?>("--models") { Description = "Models directory for the tagger, lemmatizer and parser (default: models/)." };
        var nerModel = new Option<string?>("--ner-model") { Description = $"NER model file (default models/{NerModelFile.DefaultName})." };
        var actors = new Option<string?>("--actors") { Description = "User actor dictionary laid over the shipped one (docs/actors.md)." };
        var explain = new Option<bool>("--explain") { Description = "Add each text's parse, resolved actors and known verbs to the --diff lines." };
        var command = new Command("events", "Score coded events against a gold file: root code + actor countries, full codes, and has-an-event.") { gold, diff, explain, models, nerModel, actors };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var file = parse.GetRequiredValue(gold);
            if (!file.Exists) { error.WriteLine($"error: {file.FullName} does not exist"); return 2; }
            var problems = new List<string>();
            var sentences = GoldEventFile.Read(file.FullName, problems);
            foreach (var problem in problems) error.WriteLine("warning: " + problem);
            var actorPath = parse.GetValue(actors);
            ActorResolver? resolver = null;
            // The same parts EventCoder.Load uses, kept at hand for --explain.
            var coder = DocumentCoder.Load(parse.GetValue(models)?.FullName, parse.GetValue(nerModel),
                () => new EventCoder(VerbLexicon.Load(), EventOntology.Load(), resolver = ActorResolver.Load(actorPath)), error);
            if (coder == null || resolver == null) return 1;

            var board = new EventScoreboard();
            int goldEvents = 0;
            var diffPath = parse.GetValue(diff);
            using var diffOutput = diffPath == null ? null : ResultOutput.Open(diffPath, output);
            using var diffWriter = diffOutput == null ? null : new EventDiffWriter(diffOutput.Writer);
            var clock = Stopwatch.StartNew();
            foreach (var sentence in sentences)
            {
                var events = coder.Code(new Document(sentence.Id, sentence.Date, sentence.Text), out var annotated);
                var comparison = new EventComparison(sentence.Id, sentence.Text, sentence.Events, events)
                {
                    Parse = parse.GetValue(explain) ? ParseExplanation.Describe(annotated, resolver, VerbLexicon.Load()) : null,
                };
                comparison.Causes = FailureCauses.Diagnose(comparison, annotated, resolver, VerbLexicon.Load());
                board.Add(comparison);
                goldEvents += sentence.Events.Count;
                diffWriter?.Write(comparison);
            }
            clock.Stop();

            output.WriteLine($"gold:      {file.FullName}: {sentences.Count} texts, {goldEvents} events{(problems.Count > 0 ? $", {problems.Count} malformed line(s) skipped" : "")}");
            output.WriteLine($"(a) root + countries: {EventScoreReport.Format(board.Coarse)}");
            output.WriteLine($"(b) full codes:       {EventScoreReport.Format(board.Full)}");
            output.WriteLine($"(c) has an event:     {EventScoreReport.Format(board.HasEvent)}");
            EventScoreReport.WriteExact(output, board);
            EventScoreReport.WriteMismatches(output, board);
            EventScoreReport.WriteCauses(output, board);
            EventScoreReport.WriteSpeed(output, board.Texts, clock.Elapsed);
            if (diffPath != null) output.WriteLine($"diff:      {diffPath}");
            return problems.Count > 0 ? Input.InputBatch.SkippedExitCode : 0;
        });
        return command;
    }
}
