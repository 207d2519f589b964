using System.Diagnostics;
using Dyad.Coding;
using Dyad.Coding.Coder;
using Dyad.Coding.Setting;
using Dyad.Nlp;
using Dyad.Nlp.Ner;
using Dyad.Text;
using Dyad.Text.Tokenization;

namespace Dyad.Bench;

/// <summary>
/// What dating and placing events costs the coder, on one core: <c>-- time-setting [paragraphs]</c>. Parses the
/// <see cref="NewsCorpus"/> (one document per paragraph) once, then times the whole coder and, separately, the
/// date-and-place step (<see cref="EventSetting.Apply"/>) alone on every coded event.
/// </summary>
internal static class SettingTiming
{
    public static int Run(string[] args)
    {
        int paragraphs = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3000;
        var pipeline = NlpPipeline.Load("models");
        var recognizer = EntityRecognizer.Load(Path.Combine("models", "en.ner.bin"));
        var coder = EventCoder.Load();
        var analyzer = new TextAnalyzer();
        var published = new DateOnly(2020, 2, 5);

        var clock = Stopwatch.StartNew();
        var docs = new List<AnnotatedDocument>();
        int id = 0;
        foreach (var paragraph in NewsCorpus.Build(paragraphs).Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var doc = analyzer.Analyze(new Document($"p{id++}", published, paragraph));
            pipeline.Process(doc);
            foreach (var sentence in doc.Sentences) recognizer.Recognize(sentence);
            docs.Add(doc);
        }
        double nlp = clock.Elapsed.TotalSeconds;
        int sentences = docs.Sum(d => d.Sentences.Count);
        Console.WriteLine($"{docs.Count:N0} documents, {sentences:N0} sentences; NLP {sentences / nlp:N0} sentences/s");

        var setting = EventSetting.Shipped;
        for (int round = 0; round < 5; round++)
        {
            clock.Restart();
            var coded = new List<(AnnotatedDocument Doc, CodedEvent Event)>();
            foreach (var doc in docs)
                foreach (var e in coder.Code(doc)) coded.Add((doc, e));
            double coding = clock.Elapsed.TotalSeconds;

            // The same step again, alone: the predicate is found back by its text, the actors are left out.
            clock.Restart();
            int placed = 0, moved = 0;
            foreach (var (doc, e) in coded)
            {
                var sentence = doc.Sentences[e.SentenceIndex];
                int verb = Array.FindIndex(sentence.Tokens, t => t.Text == e.VerbText);
                var again = setting.Apply(e, doc, e.SentenceIndex, verb, -1, -1);
                if (again.Location != null) placed++;
                if (again.Date != "2020-02-05") moved++;
            }
            double settingSeconds = clock.Elapsed.TotalSeconds;
            if (round == 0)
                foreach (var group in coded.GroupBy(c => $"{c.Event.Date} {c.Event.VerbText} @ {c.Event.Location?.Name ?? c.Event.Location?.Country}").OrderByDescending(g => g.Count()).Take(12))
                    Console.WriteLine($"  {group.Count(),5}  {group.Key}  e.g. {group.First().Event.Sentence}");
            Console.WriteLine($"round {round}: coder {sentences / coding:N0} sentences/s ({coded.Count:N0} events); " +
                              $"date+place alone {settingSeconds * 1000:N1} ms = {100 * settingSeconds / coding:N1}% of coding, " +
                              $"{100 * settingSeconds / (coding + nlp):N2}% of NLP+coding; {moved} events dated off publication, {placed} placed");
        }
        return 0;
    }
}
