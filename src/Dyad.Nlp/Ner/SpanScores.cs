using Dyad.Text;

namespace Dyad.Nlp.Ner;

/// <summary>Precision, recall and F1 over entity spans (a span counts only when start, end and type all match).</summary>
public sealed class SpanScores
{
    private readonly Dictionary<string, (int Gold, int Predicted, int Correct)> _byType = new(StringComparer.Ordinal);

    public void Add(IReadOnlyList<EntitySpan> gold, IReadOnlyList<EntitySpan> predicted)
    {
        foreach (var span in gold) Bump(span.Type, 1, 0, 0);
        foreach (var span in predicted)
        {
            bool correct = false;
            foreach (var g in gold)
                if (g.Start == span.Start && g.End == span.End && g.Type == span.Type) { correct = true; break; }
            Bump(span.Type, 0, 1, correct ? 1 : 0);
        }
    }

    private void Bump(string type, int gold, int predicted, int correct)
    {
        var (g, p, c) = _byType.GetValueOrDefault(type);
        _byType[type] = (g + gold, p + predicted, c + correct);
    }

    public IEnumerable<string> Types => _byType.Keys.Order(StringComparer.Ordinal);

    public Score For(string type)
    {
        var (g, p, c) = _byType.GetValueOrDefault(type);
        return new Score(g, p, c);
    }

    public Score Overall
    {
        get
        {
            int g = 0, p = 0, c = 0;
            foreach (var (gold, predicted, correct) in _byType.Values) { g += gold; p += predicted; c += correct; }
            return new Score(g, p, c);
        }
    }

    public readonly record struct Score(int Gold, int Predicted, int Correct)
    {
        public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;
        public double Recall => Gold == 0 ? 0 : (double)Correct / Gold;
        public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    }

    /// <summary>A fixed-width table: one row per type and an overall row, figures in percent.</summary>
    public void WriteTable(TextWriter writer)
    {
        writer.WriteLine($"{"type",-8}{"gold",7}{"pred",7}{"correct",9}{"P",8}{"R",8}{"F1",8}");
        foreach (var type in Types) Row(type, For(type));
        Row("overall", Overall);

        void Row(string name, Score s) =>
            writer.WriteLine($"{name,-8}{s.Gold,7}{s.Predicted,7}{s.Correct,9}{100 * s.Precision,8:F2}{100 * s.Recall,8:F2}{100 * s.F1,8:F2}");
    }
}
