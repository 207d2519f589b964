using System.Diagnostics;
using System.Globalization;
using Dyad.Coding;
using Dyad.Store;
using Dyad.Store.Ingest;
using Dyad.Text;

namespace Dyad.Bench;

/// <summary>
/// <c>dotnet run -c Release --project bench/Dyad.Bench -- store-ingest --store PATH|URL [--documents N] [--writers W]</c>:
/// times the store alone (no coding) ingesting N generated coded documents (default 20,000; two to four events each,
/// a few hundred actor pairs over 60 days, so many mentions merge) in batches of 64, with W writers at once (each its
/// own store instance, as separate processes would be; each takes every W-th batch). The store must be empty.
/// </summary>
internal static class StoreIngestTiming
{
    private static readonly string[] Actors = ["USA", "USAGOV", "CHN", "CHNMIL", "RUS", "RUSMIL", "UKR", "FRA", "DEU", "IRN", "ISR", "PSE", "IND", "PAK", "TUR"];
    private static readonly string[] Codes = ["036", "042", "043", "046", "057", "111", "112", "130", "172", "190", "193", "195"];

    public static int Run(string[] args)
    {
        string? location = null;
        int documents = 20_000, writers = 1;
        for (int i = 1; i + 1 < args.Length; i += 2)
        {
            if (args[i] == "--store") location = args[i + 1];
            else if (args[i] == "--documents") documents = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            else if (args[i] == "--writers") writers = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
        }
        if (location is null)
        {
            Console.Error.WriteLine("store-ingest: give --store PATH|URL");
            return 1;
        }
        var batches = Generate(documents).Chunk(64).ToList();
        var stores = Enumerable.Range(0, writers).Select(_ => EventStores.OpenQueryable(location, mustExist: false)).ToList();
        var clock = Stopwatch.StartNew();
        var threads = stores.Select((store, w) => new Thread(() =>
        {
            long run = store.BeginRun("store-ingest bench", null);
            for (int b = w; b < batches.Count; b += writers) store.Ingest(run, batches[b]);
            store.FinishRun(run, 0);
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        var seconds = clock.Elapsed.TotalSeconds;
        var counts = stores[0].Counts();
        stores.ForEach(s => s.Dispose());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{EventStores.Describe(location)}: {counts.Documents:N0} documents, {counts.Mentions:N0} mentions, {counts.Events:N0} events, {writers} writer(s) in {seconds:0.0} s: {counts.Documents / seconds:N0} documents/s, {counts.Mentions / seconds:N0} mentions/s"));
        return 0;
    }

    private static IEnumerable<IngestDocument> Generate(int count)
    {
        var random = new Random(7);
        for (int i = 0; i < count; i++)
        {
            var date = new DateOnly(2024, 1, 1).AddDays(random.Next(60));
            var id = $"bench-{i:D7}";
            var sentences = new List<SentenceSpan>();
            var events = new List<CodedEvent>();
            var text = new System.Text.StringBuilder();
            int n = 2 + random.Next(3);
            for (int s = 0; s < n; s++)
            {
                var (source, target, code) = (Actors[random.Next(Actors.Length)], Actors[random.Next(Actors.Length)], Codes[random.Next(Codes.Length)]);
                var sentence = $"{source} acted ({code}) toward {target}, report {i} sentence {s}.";
                int start = text.Length;
                text.Append(sentence).Append(' ');
                sentences.Add(new SentenceSpan(s, start, start + sentence.Length));
                events.Add(EventIds.WithId(new CodedEvent
                {
                    DocId = id, SentenceIndex = s, Date = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Source = source, Target = target,
                    Code = code, Root = code[..2], Quad = code[0] == '0' ? 1 : 4, Goldstein = code[0] == '0' ? 3 : -5, Sentence = sentence,
                    CharStart = start, CharEnd = start + sentence.Length, Confidence = 0.9, Rule = "bench",
                }));
            }
            var doc = new Document(id, date, text.ToString()) { Source = $"outlet{i % 9}.example", Url = $"https://outlet{i % 9}.example/{i}" };
            yield return new IngestDocument(doc, sentences, events, []);
        }
    }
}
