using Dyad.Coding;
using Dyad.Store.DuckDb;
using Dyad.Store.Ingest;
using Dyad.Text;

namespace Dyad.Store.Tests;

/// <summary>A real DuckDB store file in a fresh temp folder, and a shorthand for coded test documents.</summary>
internal sealed class TempStore : IDisposable
{
    public TempStore()
    {
        Folder = Path.Combine(Path.GetTempPath(), "dyad-store-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        FilePath = Path.Combine(Folder, "events.duckdb");
    }

    public string Folder { get; }
    public string FilePath { get; }

    public DuckDbEventStore Open() => DuckDbEventStore.Open(FilePath);

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}

internal static class TestDocs
{
    /// <summary>A document whose text is one sentence per event, each event coded from its sentence.</summary>
    public static IngestDocument Doc(string id, string date, string? outlet, params (string Source, string Code, string Target, string? Country)[] events)
    {
        var sentences = new List<SentenceSpan>();
        var coded = new List<CodedEvent>();
        var text = new System.Text.StringBuilder();
        foreach (var (source, code, target, country) in events)
        {
            int start = text.Length;
            var sentence = $"{source} did {code} to {target} in {country ?? "somewhere"} per {id}.";
            text.Append(sentence).Append(' ');
            sentences.Add(new SentenceSpan(sentences.Count, start, start + sentence.Length));
            var e = new CodedEvent
            {
                DocId = id, SentenceIndex = sentences.Count - 1, Date = date, Source = source, Target = target, Code = code,
                Root = code[..2], Quad = QuadOf(code), Goldstein = code.StartsWith('1') && code[1] > '6' ? -5 : 3,
                Sentence = sentence, CharStart = start, CharEnd = start + sentence.Length, Confidence = 0.9, Rule = "test:1 x",
                Location = country is null ? null : new EventLocation { Country = country, Name = country + " city" },
            };
            coded.Add(EventIds.WithId(e));
        }
        var doc = new Document(id, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), text.ToString().TrimEnd())
        {
            Source = outlet, Url = outlet is null ? null : $"https://{outlet}/{id}", Title = "About " + id,
        };
        return new IngestDocument(doc, sentences, coded, []);
    }

    private static int QuadOf(string code) => int.Parse(code[..2], System.Globalization.CultureInfo.InvariantCulture) switch
    {
        <= 5 => 1,
        <= 9 => 2,
        <= 14 => 3,
        _ => 4,
    };
}
