using System.Diagnostics;
using System.Globalization;
using Dyad.Coding;
using Dyad.Coding.Coder;
using Dyad.Nlp;
using Dyad.Nlp.Ner;
using Dyad.Text;
using Dyad.Text.Readers;
using Dyad.Text.Tokenization;

namespace Dyad.Bench;

/// <summary>
/// Where the time of <c>dyad code</c> goes, one thread: loads the models (timed), then runs each stage over every
/// document of a JSONL corpus with the CPU time of the thread per stage (robust on a shared machine) (read, tokenize, tag, lemmatize, parse, NER, code, write).
/// Run: <c>dotnet run -c Release --project bench/Dyad.Bench -- code-stages CORPUS.jsonl</c>.
/// </summary>
public static class CodeStageTiming
{
    private static readonly string[] Stages = ["read", "tokenize", "tag", "lemmatize", "parse", "ner", "code", "write"];

    public static int Run(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: code-stages CORPUS.jsonl");
            return 2;
        }
        var root = FindRoot();
        var load = Stopwatch.StartNew();
        var pipeline = NlpPipeline.Load(Path.Combine(root, "models"));
        var nlpLoad = load.Elapsed;
        var recognizer = EntityRecognizer.Load(Path.Combine(root, "models", "en.ner.bin"));
        var nerLoad = load.Elapsed - nlpLoad;
        var coder = EventCoder.Load();
        var coderLoad = load.Elapsed - nlpLoad - nerLoad;
        Console.WriteLine($"load: nlp {nlpLoad.TotalSeconds:F2}s, ner {nerLoad.TotalSeconds:F2}s, coder {coderLoad.TotalSeconds:F2}s");

        var ticks = new long[Stages.Length];
        var analyzer = new TextAnalyzer();
        var writer = new CodedEventJsonlWriter(TextWriter.Null);
        long sentences = 0, tokens = 0, events = 0, documents = 0;
        var clock = Stopwatch.StartNew();
        long cpuStart = ThreadCpu.Nanoseconds();
        long mark = cpuStart;
        void Lap(int stage)
        {
            long now = ThreadCpu.Nanoseconds();
            ticks[stage] += now - mark;
            mark = now;
        }
        foreach (var outcome in new CorpusReader(new ReaderOptions()).Read([args[1]]))
        {
            Lap(0);
            if (outcome.Document is not { } document) continue;
            var annotated = analyzer.Analyze(document);
            Lap(1);
            foreach (var s in annotated.Sentences) if (s.Count > 0) pipeline.Tagger.Tag(s);
            Lap(2);
            foreach (var s in annotated.Sentences) if (s.Count > 0) pipeline.Lemmatizer.Lemmatize(s);
            Lap(3);
            foreach (var s in annotated.Sentences) if (s.Count > 0) pipeline.Parser.Parse(s); else pipeline.Process(s);
            Lap(4);
            foreach (var s in annotated.Sentences) recognizer.Recognize(s);
            Lap(5);
            var coded = coder.Code(annotated);
            Lap(6);
            writer.WriteAll(coded);
            Lap(7);
            documents++;
            sentences += annotated.Sentences.Count;
            foreach (var s in annotated.Sentences) tokens += s.Count;
            events += coded.Count;
        }
        double wall = clock.Elapsed.TotalSeconds;
        double total = (ThreadCpu.Nanoseconds() - cpuStart) / 1e9;
        Console.WriteLine($"{documents:N0} documents, {sentences:N0} sentences, {tokens:N0} tokens, {events:N0} events");
        Console.WriteLine($"thread CPU {total:F2}s: {sentences / total:N0} sentences/s, {tokens / total:N0} tokens/s (wall {wall:F2}s, load average {LoadAverage()})");
        for (int i = 0; i < Stages.Length; i++)
        {
            double seconds = ticks[i] / 1e9;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {Stages[i],-10} {seconds,7:F2}s {100 * seconds / total,5:F1}%  {1e6 * seconds / Math.Max(1, sentences),7:F1} us/sentence"));
        }
        return 0;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Dyad.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("run the benchmark from inside the repository");
    }
}
