using System.Diagnostics;
using Dyad.Text.Conllu;
using Dyad.Text.Tokenization;

namespace Dyad.Text.Evaluation;

/// <summary>Result of <see cref="TextEvaluation.Run"/>: word and sentence scores and analysis speed.</summary>
public sealed record TextEvaluationResult(
    int Documents, SpanScore Words, SpanScore Sentences, int TokensProduced, TimeSpan AnalysisTime,
    IReadOnlyList<string> SentenceErrors, IReadOnlyList<string> WordErrors)
{
    public double TokensPerSecond => AnalysisTime.TotalSeconds <= 0 ? 0 : TokensProduced / AnalysisTime.TotalSeconds;
}

/// <summary>
/// Scores tokenization and sentence splitting against a CoNLL-U treebank: rebuilds each document's raw text,
/// analyzes it, and compares word and sentence character spans exactly.
/// </summary>
public static class TextEvaluation
{
    private const int TimedPasses = 5;

    public static TextEvaluationResult Run(string treebankPath, TextAnalyzer analyzer, int maxErrors = 0)
    {
        if (!File.Exists(treebankPath)) throw new FileNotFoundException($"treebank not found: {treebankPath}", treebankPath);
        var documents = GoldDocument.FromTreebank(ConlluReader.ReadFile(treebankPath), treebankPath);
        return Run(documents, analyzer, maxErrors);
    }

    public static TextEvaluationResult Run(IReadOnlyList<GoldDocument> documents, TextAnalyzer analyzer, int maxErrors = 0)
    {
        // One untimed pass so the figure measures steady-state code, not JIT compilation; then the fastest of a few
        // timed passes, since a shared machine only ever slows a pass down.
        foreach (var gold in documents) analyzer.Analyze(new Document(gold.Id, DateOnly.MinValue, gold.Text));
        var analyzed = new AnnotatedDocument[documents.Count];
        var fastest = TimeSpan.MaxValue;
        for (int pass = 0; pass < TimedPasses; pass++)
        {
            var stopwatch = Stopwatch.StartNew();
            for (int d = 0; d < documents.Count; d++)
                analyzed[d] = analyzer.Analyze(new Document(documents[d].Id, DateOnly.MinValue, documents[d].Text));
            stopwatch.Stop();
            if (stopwatch.Elapsed < fastest) fastest = stopwatch.Elapsed;
        }

        var words = new SpanScore();
        var sentences = new SpanScore();
        int produced = 0;
        var sentenceErrors = new List<string>();
        var wordErrors = new List<string>();
        for (int d = 0; d < documents.Count; d++)
        {
            var gold = documents[d];
            var predictedWords = new List<(int, int)>();
            var predictedSentences = new List<(int, int)>();
            foreach (var sentence in analyzed[d].Sentences)
            {
                predictedSentences.Add((sentence.Start, sentence.End));
                foreach (var token in sentence.Tokens) predictedWords.Add((token.Start, token.End));
            }
            produced += predictedWords.Count;
            words += SpanScore.Of(gold.Words.ToList(), predictedWords);
            sentences += SpanScore.Of(gold.Sentences.ToList(), predictedSentences);
            if (maxErrors > 0)
            {
                CollectBoundaryErrors(gold.Text, gold.Sentences, predictedSentences, sentenceErrors, maxErrors);
                CollectErrors(gold.Text, gold.Words, predictedWords, wordErrors, maxErrors, "word");
            }
        }
        return new TextEvaluationResult(documents.Count, words, sentences, produced, fastest, sentenceErrors, wordErrors);
    }

    /// <summary>Sentence ends the splitter missed or invented, shown in context with a ⟂ mark.</summary>
    private static void CollectBoundaryErrors(string text, IReadOnlyList<(int Start, int End)> gold, List<(int Start, int End)> predicted,
        List<string> errors, int max)
    {
        var goldEnds = new HashSet<int>(gold.Select(s => s.End));
        var predictedEnds = new HashSet<int>(predicted.Select(s => s.End));
        foreach (var end in goldEnds.Union(predictedEnds).Order())
        {
            if (errors.Count >= max) return;
            bool inGold = goldEnds.Contains(end), inPredicted = predictedEnds.Contains(end);
            if (inGold == inPredicted) continue;
            int from = Math.Max(0, end - 40), to = Math.Min(text.Length, end + 40);
            errors.Add($"{(inGold ? "missed " : "spurious")} sentence end: {text[from..end].Replace('\n', '|')}⟂{text[end..to].Replace('\n', '|')}");
        }
    }

    private static void CollectErrors(string text, IReadOnlyList<(int Start, int End)> gold, List<(int Start, int End)> predicted,
        List<string> errors, int max, string what)
    {
        var predictedSet = new HashSet<(int, int)>(predicted);
        foreach (var span in gold)
        {
            if (errors.Count >= max) return;
            if (predictedSet.Contains(span)) continue;
            int from = Math.Max(0, span.Start - 30), to = Math.Min(text.Length, span.End + 30);
            var overlapping = predicted.Where(p => p.Start < span.End && p.End > span.Start)
                .Select(p => "[" + text[p.Start..p.End] + "]");
            errors.Add($"missed {what} [{text[span.Start..span.End]}] got {string.Join(" ", overlapping)}  ...{text[from..to].Replace('\n', '|')}...");
        }
    }
}
