namespace Dyad.Nlp.Parsing;

/// <summary>
/// Interns words, tags and relation labels to small integer ids for the feature hasher.
/// Id 0 means "no token at this position", 1 is the artificial root, 2 an unknown value.
/// </summary>
internal sealed class ParserVocabulary
{
    public const int None = 0;
    public const int Root = 1;
    public const int Unknown = 2;
    private const int FirstId = 3;

    private readonly Dictionary<string, int> _words;
    private readonly Dictionary<string, int> _xpos;
    private readonly Dictionary<string, int> _upos;
    private readonly Dictionary<string, int> _labelIds;

    public ParserVocabulary(IReadOnlyList<string> words, IReadOnlyList<string> xpos, IReadOnlyList<string> upos, IReadOnlyList<string> labels)
    {
        Words = words.ToArray();
        XposTags = xpos.ToArray();
        UposTags = upos.ToArray();
        Labels = labels.ToArray();
        _words = Index(words, FirstId);
        _xpos = Index(xpos, FirstId);
        _upos = Index(upos, FirstId);
        _labelIds = Index(labels, 0);
        RootLabel = _labelIds.TryGetValue("root", out int r) ? r : -1;
        if (Labels.Length > 64) throw new InvalidOperationException("at most 64 relation labels are supported (label sets are 64-bit masks)");
    }

    public string[] Words { get; }
    public string[] XposTags { get; }
    public string[] UposTags { get; }
    /// <summary>Relation labels; a label's id is its index here.</summary>
    public string[] Labels { get; }
    public int RootLabel { get; }
    public int LabelCount => Labels.Length;

    /// <summary>True when both vocabularies give every word, tag and label the same id.</summary>
    public bool HasSameEntries(ParserVocabulary other) =>
        Words.AsSpan().SequenceEqual(other.Words) && XposTags.AsSpan().SequenceEqual(other.XposTags)
        && UposTags.AsSpan().SequenceEqual(other.UposTags) && Labels.AsSpan().SequenceEqual(other.Labels);

    /// <summary>Word id of an already lower-cased form.</summary>
    public int Word(string lowered) => _words.TryGetValue(lowered, out int id) ? id : Unknown;
    public int Xpos(string tag) => _xpos.TryGetValue(tag, out int id) ? id : Unknown;
    public int Upos(string tag) => _upos.TryGetValue(tag, out int id) ? id : Unknown;
    public int Label(string label) => _labelIds.TryGetValue(label, out int id) ? id : -1;

    /// <summary>Builds the vocabulary from training sentences; words seen fewer than <paramref name="minWordCount"/> times stay unknown so the model learns what an unknown word looks like.</summary>
    public static ParserVocabulary Build(IReadOnlyList<ParserTrainingSentence> sentences, int minWordCount)
    {
        var wordCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var xpos = new SortedSet<string>(StringComparer.Ordinal);
        var upos = new SortedSet<string>(StringComparer.Ordinal);
        var labels = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var s in sentences)
        {
            for (int i = 0; i < s.Count; i++)
            {
                var w = WordShape.Lower(s.Forms[i]);
                wordCounts[w] = wordCounts.GetValueOrDefault(w) + 1;
                xpos.Add(s.Xpos[i]);
                upos.Add(s.Upos[i]);
                labels.Add(s.Relations[i]);
            }
        }
        var words = wordCounts.Where(kv => kv.Value >= minWordCount).Select(kv => kv.Key).OrderBy(w => w, StringComparer.Ordinal).ToList();
        return new ParserVocabulary(words, xpos.ToList(), upos.ToList(), labels.ToList());
    }

    public void Write(BinaryWriter writer)
    {
        WriteList(writer, Words);
        WriteList(writer, XposTags);
        WriteList(writer, UposTags);
        WriteList(writer, Labels);
    }

    public static ParserVocabulary Read(BinaryReader reader) =>
        new(ReadList(reader), ReadList(reader), ReadList(reader), ReadList(reader));

    private static Dictionary<string, int> Index(IReadOnlyList<string> items, int first)
    {
        var map = new Dictionary<string, int>(items.Count, StringComparer.Ordinal);
        for (int i = 0; i < items.Count; i++) map[items[i]] = first + i;
        return map;
    }

    private static void WriteList(BinaryWriter writer, string[] items)
    {
        writer.Write(items.Length);
        foreach (var s in items) writer.Write(s);
    }

    private static string[] ReadList(BinaryReader reader)
    {
        int n = reader.ReadInt32();
        if (n < 0 || n > 10_000_000) throw new InvalidDataException("corrupt parser vocabulary");
        var items = new string[n];
        for (int i = 0; i < n; i++) items[i] = reader.ReadString();
        return items;
    }
}
