using System.Diagnostics;
using System.Globalization;
using Dyad.Coding;
using Dyad.Coding.Ontology;
using Dyad.Store;
using Dyad.Store.Export;

namespace Dyad.Bench;

/// <summary>
/// <c>dotnet run -c Release --project bench/Dyad.Bench -- time-export [EVENTS]</c>: writes generated events in every
/// export format to a temp folder and prints events per second and file size per format (whole-format wall time,
/// including the generation of the events, which is the same for every format).
/// </summary>
public static class ExportTiming
{
    public static int Run(string[] args)
    {
        int count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200_000;
        var folder = Path.Combine(Path.GetTempPath(), "dyad-export-timing-" + Environment.ProcessId);
        Directory.CreateDirectory(folder);
        var context = ExportContext.Shipped();
        try
        {
            foreach (var format in EventExport.Formats)
            {
                var path = Path.Combine(folder, "events." + format);
                using var store = new GeneratedEvents(count);
                var clock = Stopwatch.StartNew();
                using (var file = File.Create(path)) EventExport.Write(format, store, file, context);
                clock.Stop();
                Console.WriteLine($"{format,-15} {count / clock.Elapsed.TotalSeconds,12:N0} events/s  {new FileInfo(path).Length / 1e6,8:N1} MB");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
        return 0;
    }

    /// <summary>Events made up on the fly from a few actor codes, event codes and places: bounded memory at any count.</summary>
    private sealed class GeneratedEvents(int count) : IEventStore
    {
        private static readonly string[] Actors = ["USAGOV", "CHN", "KAZGOV", "RUSMIL", "IGOUNOHLH", "CHNUIG", "GBR", "UKRREB", "NGOHRI", "TURGOVMIL"];
        private static readonly string[] Codes = ["010", "0214", "036", "042", "051", "073", "111", "1121", "173", "190"];
        private static readonly EventLocation[] Places =
        [
            new() { Name = "Almaty", Country = "KAZ", Admin1 = "Almaty", Lat = 43.25, Lon = 76.91667, GeonamesId = 1526384 },
            new() { Country = "CHN", Admin1 = "Xinjiang" },
        ];

        public IEnumerable<StoredEvent> ReadEvents()
        {
            var ontology = EventOntology.Load();
            var day = new DateOnly(2020, 1, 1);
            for (int i = 0; i < count; i++)
            {
                var type = ontology.Lookup(Codes[i % Codes.Length])!;
                const string sentence = "The minister said on Tuesday that talks, \"long delayed\", would resume in Almaty.";
                var coded = new CodedEvent
                {
                    EventId = i.ToString("x16", CultureInfo.InvariantCulture), DocId = "doc-" + (i / 7), SentenceIndex = i % 7,
                    Date = day.AddDays(i % 365).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    Source = Actors[i % Actors.Length], Target = Actors[(i / 3 + 1) % Actors.Length], SourceText = "The minister",
                    TargetText = "talks", VerbText = "said", Sentence = sentence, CharStart = 40 * (i % 7), CharEnd = 40 * (i % 7) + sentence.Length,
                    Location = i % 3 == 0 ? null : Places[i % 2], Confidence = 0.8, Rule = "extensions.tsv:1 say",
                }.WithEventType(type);
                yield return new StoredEvent(i + 1, coded, 1 + i % 4, 1 + i % 3, 1 + i % 3, day.AddDays(i % 365), day.AddDays(i % 365 + 1), "https://example.org/" + (i / 7));
            }
        }

        public IEnumerable<StoredMention> ReadMentions()
        {
            foreach (var e in ReadEvents())
                yield return new StoredMention(e.Id, e.FirstSeen, "example.org", e.SourceUrl, 2000, e.Event);
        }

        public void Dispose() { }
    }
}
