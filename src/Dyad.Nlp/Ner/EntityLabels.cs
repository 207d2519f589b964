using Dyad.Text;

namespace Dyad.Nlp.Ner;

/// <summary>
/// The BILOU label set the sequence model predicts: O plus Begin/Inside/Last/Unit for each entity type.
/// BILOU rather than BIO because marking the last token lets the model learn where names end ("Party", "Act").
/// </summary>
internal static class EntityLabels
{
    public static readonly string[] Types = ["PER", "ORG", "LOC"];

    public const int O = 0;
    public const int Begin = 0, Inside = 1, Last = 2, Unit = 3;
    public static readonly int Count = 1 + 4 * Types.Length;

    public static int Label(int type, int position) => 1 + 4 * type + position;
    public static int TypeOf(int label) => (label - 1) / 4;
    public static int PositionOf(int label) => (label - 1) % 4;

    /// <summary>Index of a type name, or -1 when it is not one we model (OTH, MISC, ...).</summary>
    public static int TypeIndex(string type)
    {
        for (int i = 0; i < Types.Length; i++)
            if (string.Equals(Types[i], type, StringComparison.Ordinal)) return i;
        return -1;
    }

    /// <summary>Whether label <paramref name="next"/> may follow <paramref name="previous"/> (-1 = sentence start).</summary>
    public static bool CanFollow(int previous, int next)
    {
        bool previousOpen = previous > 0 && PositionOf(previous) is Begin or Inside;
        if (!previousOpen)
            return next == O || PositionOf(next) is Begin or Unit;
        return next != O && TypeOf(next) == TypeOf(previous) && PositionOf(next) is Inside or Last;
    }

    /// <summary>Whether a sentence may end on this label (no entity left open).</summary>
    public static bool CanEnd(int label) => label == O || PositionOf(label) is Last or Unit;

    public static int[] FromSpans(int length, IReadOnlyList<EntitySpan> spans)
    {
        var labels = new int[length];
        foreach (var span in spans)
        {
            int type = TypeIndex(span.Type);
            if (type < 0) continue;
            if (span.Length == 1) { labels[span.Start] = Label(type, Unit); continue; }
            labels[span.Start] = Label(type, Begin);
            for (int i = span.Start + 1; i < span.End - 1; i++) labels[i] = Label(type, Inside);
            labels[span.End - 1] = Label(type, Last);
        }
        return labels;
    }

    /// <summary>Spans of a valid BILOU sequence (as produced by constrained decoding).</summary>
    public static EntitySpan[] ToSpans(ReadOnlySpan<int> labels)
    {
        var spans = new List<EntitySpan>();
        int start = -1;
        for (int i = 0; i < labels.Length; i++)
        {
            int label = labels[i];
            if (label == O) { start = -1; continue; }
            int position = PositionOf(label);
            if (position is Begin) start = i;
            else if (position is Unit) spans.Add(new EntitySpan(i, i + 1, Types[TypeOf(label)]));
            else if (position is Last && start >= 0) { spans.Add(new EntitySpan(start, i + 1, Types[TypeOf(label)])); start = -1; }
        }
        return spans.ToArray();
    }
}
