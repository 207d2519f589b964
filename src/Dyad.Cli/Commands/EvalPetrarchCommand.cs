using System.CommandLine;
using System.Diagnostics;
using Dyad.Cli.Output;
using Dyad.Coding.Coder;
using Dyad.Coding.Evaluation;
using Dyad.Text;

namespace Dyad.Cli.Commands;

/// <summary>
/// <c>dyad eval petrarch</c>: codes PETRARCH-2's unit-test records with Dyad's full pipeline and the records' own toy
/// dictionaries, and scores (source, target, code) triples against the expected codings (docs/evaluation.md).
/// </summary>
internal static class EvalPetrarchCommand
{
    public const string DefaultDirectory = "../shared/data/conformance/petrarch2-unittest";

    public static Command Create()
    {
        var dir = new Option<string>("--dir") { Description = $"Folder with {PetrarchRecords.RecordsFile} and the PETR.Validate.* dictionaries (default {DefaultDirectory}).", DefaultValueFactory = _ => DefaultDirectory };
        var diff = new Option<string?>("--diff") { Description = "Write one JSON line per record (id, text, expected, got, missing, extra) to this file.", HelpName = "file" };
        var models = new Option<DirectoryInfo?>("--models") { Description = "Models directory for the tagger, lemmatizer and parser (default: models/)." };
        var nerModel = new Option<string?>("--ner-model") { Description = $"NER model file (default models/{NerModelFile.DefaultName})." };
        var explain = new Option<bool>("--explain") { Description = "Add each record's parse, resolved actors and known verbs to the --diff lines." };
        var convention = new Option<CodingConvention>("--convention")
        {
            Description = "How auxiliaries and negation are read: Petrarch (as PETRARCH-2 coded the records: \"will meet\" is the meeting) or Cameo (Dyad's default: intent, suppression, refusal).",
            DefaultValueFactory = _ => CodingConvention.Petrarch,
        };
        var command = new Command("petrarch", "Score the event coder on PETRARCH-2's unit-test records, coded with their own dictionaries.") { dir, diff, explain, convention, models, nerModel };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var folder = DataPaths.Resolve(parse.GetValue(dir)!);
            if (!Directory.Exists(folder)) { error.WriteLine($"error: {folder} does not exist"); return 2; }
            PetrarchValidationSet set;
            try
            {
                set = PetrarchValidationSet.Load(folder);
            }
            catch (Exception e) when (e is IOException or InvalidDataException)
            {
                error.WriteLine("error: " + e.Message);
                return 2;
            }
            var chosen = parse.GetValue(convention);
            var coder = DocumentCoder.Load(parse.GetValue(models)?.FullName, parse.GetValue(nerModel), () => set.CreateCoder(chosen), error);
            if (coder == null) return 1;

            var board = new EventScoreboard();
            int skipped = 0;
            var diffPath = parse.GetValue(diff);
            using var diffOutput = diffPath == null ? null : ResultOutput.Open(diffPath, output);
            using var diffWriter = diffOutput == null ? null : new EventDiffWriter(diffOutput.Writer);
            var clock = Stopwatch.StartNew();
            foreach (var record in set.Records)
            {
                if (!record.Evaluated) { skipped++; continue; }
                var events = coder.Code(new Document(record.Id, record.Date, record.Text), out var annotated);
                var comparison = new EventComparison(record.Id, record.Text, record.Expected, events, record.Category)
                {
                    Parse = parse.GetValue(explain) ? ParseExplanation.Describe(annotated, set.Resolver, set.Verbs) : null,
                };
                comparison.Causes = FailureCauses.Diagnose(comparison, annotated, set.Resolver, set.Verbs);
                board.Add(comparison);
                diffWriter?.Write(comparison);
            }
            clock.Stop();

            output.WriteLine($"records:   {Path.Combine(folder, PetrarchRecords.RecordsFile)}: {set.Records.Count} records, {board.Texts} evaluated, {skipped} flagged sentence=\"false\" left out");
            output.WriteLine($"convention: {chosen.ToString().ToLowerInvariant()} (auxiliaries and negation; docs/evaluation.md)");
            EventScoreReport.WriteExact(output, board);
            output.WriteLine($"triples:   {EventScoreReport.Format(board.Full)}");
            EventScoreReport.WriteMismatches(output, board);
            EventScoreReport.WriteCauses(output, board);
            output.WriteLine("by category (exact/records): " + string.Join(", ", board.Categories.Select(c => $"{c.Key} {c.Value.Exact}/{c.Value.Total}")));
            EventScoreReport.WriteSpeed(output, board.Texts, clock.Elapsed);
            if (diffPath != null) output.WriteLine($"diff:      {diffPath}");
            return 0;
        });
        return command;
    }
}
