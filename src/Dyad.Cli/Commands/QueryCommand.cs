using System.CommandLine;
using System.Globalization;
using Dyad.Cli.Output;
using Dyad.Store;

namespace Dyad.Cli.Commands;

/// <summary><c>dyad query</c>: one page of deduplicated events matching every filter, by event date.</summary>
internal static class QueryCommand
{
    private static readonly string[] CsvHeader =
    [
        "event_key", "date", "source", "target", "code", "root", "quad", "goldstein", "plover", "source_name", "target_name",
        "country", "num_mentions", "num_sources", "num_articles", "first_seen", "last_seen", "source_url", "doc_id", "sentence",
    ];

    public static Command Create()
    {
        var store = StoreOption.Create(mustExist: true);
        var filters = new EventFilterOptions();
        var limit = new Option<int>("--limit") { Description = "Most events to list.", DefaultValueFactory = _ => 20, HelpName = "n" };
        var offset = new Option<int>("--offset") { Description = "Events to pass over first (the next page).", HelpName = "n" };
        var format = new Option<string>("--format") { Description = "table (drawn on a terminal, plain columns otherwise), jsonl or csv.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "jsonl", "csv");
        limit.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 0) r.AddError("--limit must not be negative."); });
        offset.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 0) r.AddError("--offset must not be negative."); });

        var command = new Command("query", "List stored events matching filters (docs/store.md).");
        command.Options.Add(store);
        filters.AddTo(command);
        command.Options.Add(limit);
        command.Options.Add(offset);
        command.Options.Add(format);
        command.SetAction(result =>
        {
            var error = result.InvocationConfiguration.Error;
            using var events = StoreOption.Open(result.GetValue(store)!, mustExist: true, error);
            if (events is null) return 1;
            var query = filters.Bind(result) with { Limit = result.GetValue(limit), Offset = result.GetValue(offset) };
            var found = events.Query(query);
            var output = result.InvocationConfiguration.Output;
            switch (result.GetValue(format))
            {
                case "jsonl":
                    using (var jsonl = ResultOutput.Open(null, output))
                    {
                        foreach (var e in found) StoredEventJson.Write(jsonl.Writer, e);
                        jsonl.Writer.Flush();
                    }
                    break;
                case "csv":
                    using (var csv = ResultOutput.Open(null, output))
                    {
                        Csv.WriteLine(csv.Writer, CsvHeader);
                        foreach (var e in found) Csv.WriteLine(csv.Writer, CsvRow(e));
                        csv.Writer.Flush();
                    }
                    break;
                default:
                    TableOutput.Write(output, ["key", "date", "source", "code", "target", "mentions", "articles", "sources", "sentence"],
                        found.Select(TableRow).ToList(), rightAligned: new HashSet<int> { 0, 5, 6, 7 });
                    break;
            }
            return 0;
        });
        return command;
    }

    private static string[] TableRow(StoredEvent e)
    {
        var inv = CultureInfo.InvariantCulture;
        var sentence = e.Event.Sentence.Length > 80 ? e.Event.Sentence[..77] + "..." : e.Event.Sentence;
        return [e.Id.ToString(inv), e.Event.Date ?? StoredEventJson.Date(e.FirstSeen), e.Event.Source ?? "", e.Event.Code, e.Event.Target ?? "",
            e.NumMentions.ToString(inv), e.NumArticles.ToString(inv), e.NumSources.ToString(inv), sentence];
    }

    private static string?[] CsvRow(StoredEvent e)
    {
        var inv = CultureInfo.InvariantCulture;
        var c = e.Event;
        return [e.Id.ToString(inv), c.Date, c.Source, c.Target, c.Code, c.Root, c.Quad.ToString(inv), c.Goldstein.ToString("R", inv), c.Plover,
            c.SourceName, c.TargetName, c.Location?.Country, e.NumMentions.ToString(inv), e.NumSources.ToString(inv), e.NumArticles.ToString(inv),
            StoredEventJson.Date(e.FirstSeen), StoredEventJson.Date(e.LastSeen), e.SourceUrl, c.DocId, c.Sentence];
    }
}
