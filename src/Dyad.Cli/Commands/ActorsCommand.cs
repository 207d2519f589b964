using System.CommandLine;
using System.Globalization;
using Dyad.Cli.Output;
using Dyad.Knowledge.Dictionaries;
using Dyad.Knowledge.Learning;

namespace Dyad.Cli.Commands;

/// <summary>
/// <c>dyad actors learned --store PATH [--export FILE.tsv]</c>: the people whose roles the ingested news stated,
/// with their evidence; <c>--export</c> writes them as a user actor dictionary to review and load with --actors.
/// </summary>
internal static class ActorsCommand
{
    public static Command Create()
    {
        var store = StoreOption.Create(mustExist: true);
        var export = new Option<string?>("--export") { Description = "Also write them as a user dictionary TSV (docs/dictionaries.md), each row after a comment citing its evidence.", HelpName = "file" };
        var learned = new Command("learned", "List the people whose roles the ingested news stated (title, code, dates, evidence).");
        learned.Options.Add(store);
        learned.Options.Add(export);
        learned.SetAction(result =>
        {
            var error = result.InvocationConfiguration.Error;
            using var events = StoreOption.Open(result.GetValue(store)!, mustExist: true, error);
            if (events is null) return 1;
            var actors = events.ReadLearnedActors();
            // Each role against the shipped dictionaries on the day it was last seen: new, confirming or correcting them.
            var shipped = CompiledDictionary.LoadShipped();
            var inv = CultureInfo.InvariantCulture;
            TableOutput.Write(result.InvocationConfiguration.Output, ["name", "code", "title", "first_seen", "last_seen", "sentences", "evidence", "dictionary"],
                actors.Select(a => new[]
                {
                    a.Name, a.Code, a.Title, a.FirstSeen.ToString("yyyy-MM-dd", inv), a.LastSeen.ToString("yyyy-MM-dd", inv),
                    a.Evidence.Count.ToString(inv), $"{a.Evidence[0].DocumentId}#{a.Evidence[0].SentenceIndex}",
                    DictionaryAgreement.Of(a, shipped).Describe(),
                }).ToList(), rightAligned: new HashSet<int> { 5 });
            if (result.GetValue(export) is { } path)
            {
                var dictionary = new LearnedActorStore();
                dictionary.Add(actors);
                try
                {
                    using var writer = new StreamWriter(path);
                    dictionary.ExportUserDictionary(writer, shipped);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    error.WriteLine($"dyad: cannot write {path}: {e.Message}");
                    return 1;
                }
                error.WriteLine($"dyad: wrote {actors.Count} learned actors to {path}");
            }
            return 0;
        });
        var command = new Command("actors", "Actors the store has learned from the news.");
        command.Subcommands.Add(learned);
        return command;
    }
}
