using System.Text;
using BenchmarkDotNet.Attributes;
using Dyad.Text.Readers;

namespace Dyad.Bench;

/// <summary>
/// Reading throughput: 5,000 news-sized records (about 2 KB each, 10 MB) per format, from a temp folder.
/// Run: dotnet run -c Release --project bench/Dyad.Bench -- --filter '*ReaderBenchmarks*'
/// </summary>
[MemoryDiagnoser]
public class ReaderBenchmarks
{
    private const int Records = 5000;
    private string _folder = "";
    private string _jsonl = "", _json = "", _text = "";

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "dyad-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        var body = string.Join(" ", Enumerable.Repeat("The foreign minister met his counterpart in the capital on Tuesday to discuss border security and trade.", 20));
        var jsonl = new StringBuilder();
        var text = new StringBuilder();
        for (int i = 0; i < Records; i++)
        {
            jsonl.Append($"{{\"id\": \"r{i}\", \"date\": \"2020-02-{1 + i % 28:00}\", \"text\": \"{body}\"}}\n");
            text.Append($" date 2020-02-{1 + i % 28:00} {body}\n\n{body}\n");
        }
        _jsonl = Path.Combine(_folder, "records.jsonl");
        _json = Path.Combine(_folder, "records.json");
        _text = Path.Combine(_folder, "records.txt");
        File.WriteAllText(_jsonl, jsonl.ToString());
        File.WriteAllText(_json, "[" + jsonl.ToString().TrimEnd('\n').Replace("\n", ",\n") + "]");
        File.WriteAllText(_text, text.ToString());
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark] public int Jsonl() => Count(_jsonl);
    [Benchmark] public int JsonArray() => Count(_json);
    [Benchmark] public int DatedText() => Count(_text);

    private static int Count(string path)
    {
        int n = 0;
        foreach (var outcome in new CorpusReader(new ReaderOptions()).Read([path]))
            if (outcome.IsDocument) n++;
        return n;
    }
}
