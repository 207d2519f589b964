using System.CommandLine;
using System.Globalization;
using Dyad.Cli.Output;
using Dyad.Store.Query;

namespace Dyad.Cli.Commands;

/// <summary><c>dyad stats</c>: matching events per day, week or month, by quad class, with the Goldstein scale.</summary>
internal static class StatsCommand
{
    public static Command Create()
    {
        var store = StoreOption.Create(mustExist: true);
        var filters = new EventFilterOptions();
        var by = new Option<string>("--by") { Description = "Period: day, week (from Monday) or month.", DefaultValueFactory = _ => "month" };
        by.AcceptOnlyFromAmong("day", "week", "month");
        var format = new Option<string>("--format") { Description = "table or csv.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv");

        var command = new Command("stats", "Count stored events per period and quad class, with summed and mean Goldstein scores.");
        command.Options.Add(store);
        command.Options.Add(by);
        filters.AddTo(command);
        command.Options.Add(format);
        command.SetAction(result =>
        {
            var error = result.InvocationConfiguration.Error;
            using var events = StoreOption.Open(result.GetValue(store)!, mustExist: true, error);
            if (events is null) return 1;
            var period = result.GetValue(by) switch { "day" => StatsPeriod.Day, "week" => StatsPeriod.Week, _ => StatsPeriod.Month };
            var inv = CultureInfo.InvariantCulture;
            var rows = events.Stats(filters.Bind(result), period).Select(s => new[]
            {
                s.Start.ToString("yyyy-MM-dd", inv), s.Events.ToString(inv), s.Quad1.ToString(inv), s.Quad2.ToString(inv),
                s.Quad3.ToString(inv), s.Quad4.ToString(inv), s.GoldsteinSum.ToString("0.##", inv), s.GoldsteinMean.ToString("0.###", inv),
                s.Mentions.ToString(inv),
            }).ToList();
            string[] headers = ["period", "events", "quad1", "quad2", "quad3", "quad4", "goldstein_sum", "goldstein_mean", "mentions"];
            var output = result.InvocationConfiguration.Output;
            if (result.GetValue(format) == "csv")
            {
                Csv.WriteLine(output, headers);
                foreach (var row in rows) Csv.WriteLine(output, row);
            }
            else TableOutput.Write(output, headers, rows, rightAligned: new HashSet<int> { 1, 2, 3, 4, 5, 6, 7, 8 });
            return 0;
        });
        return command;
    }
}
