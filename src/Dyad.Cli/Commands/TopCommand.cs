using System.CommandLine;
using System.Globalization;
using Dyad.Cli.Output;
using Dyad.Store.Query;

namespace Dyad.Cli.Commands;

/// <summary><c>dyad top actors|dyads|codes</c>: the most frequent actors, directed dyads or codes among matching events.</summary>
internal static class TopCommand
{
    public static Command Create()
    {
        var what = new Argument<string>("what") { Description = "actors, dyads or codes." };
        what.AcceptOnlyFromAmong("actors", "dyads", "codes");
        var store = StoreOption.Create(mustExist: true);
        var filters = new EventFilterOptions();
        var limit = new Option<int>("--limit") { Description = "How many to list.", DefaultValueFactory = _ => 10, HelpName = "n" };
        limit.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--limit must be at least 1."); });

        var command = new Command("top", "Rank actors, dyads (source then target) or event codes by their number of stored events.");
        command.Arguments.Add(what);
        command.Options.Add(store);
        filters.AddTo(command);
        command.Options.Add(limit);
        command.SetAction(result =>
        {
            var error = result.InvocationConfiguration.Error;
            using var events = StoreOption.Open(result.GetValue(store)!, mustExist: true, error);
            if (events is null) return 1;
            var kind = result.GetValue(what) switch { "actors" => TopKind.Actors, "dyads" => TopKind.Dyads, _ => TopKind.Codes };
            var inv = CultureInfo.InvariantCulture;
            var rows = events.Top(kind, filters.Bind(result), result.GetValue(limit))
                .Select(t => new[] { t.Key, t.Events.ToString(inv), t.Mentions.ToString(inv) }).ToList();
            string key = kind switch { TopKind.Actors => "actor", TopKind.Dyads => "dyad", _ => "code" };
            TableOutput.Write(result.InvocationConfiguration.Output, [key, "events", "mentions"], rows, rightAligned: new HashSet<int> { 1, 2 });
            return 0;
        });
        return command;
    }
}
