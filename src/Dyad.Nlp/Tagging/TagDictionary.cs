using System.IO.Compression;

namespace Dyad.Nlp.Tagging;

/// <summary>
/// Word-level evidence for the tagger beyond the word itself: the set of tags a frequent training word was seen
/// with (its ambiguity class), and coarse word classes from WordNet and UniMorph, which mostly help unseen words.
/// Keys are <see cref="WordInfo.LowerHash"/> values, so lookups allocate nothing.
/// </summary>
internal sealed class TagDictionary
{
    // Lexicon class bits.
    private const int WnNoun = 1, WnVerb = 2, WnAdj = 4, WnAdv = 8, NounPlural = 16, VerbPast = 32,
        VerbPastParticiple = 64, VerbGerund = 128, VerbThirdSingular = 256, VerbBase = 512, AdjGraded = 1024;

    private const int SureMinCount = 20;
    private const double SureMinShare = 0.995;

    private readonly Dictionary<ulong, ulong> _ambiguity;
    private readonly Dictionary<ulong, ushort> _lexicon;
    private readonly Dictionary<ulong, int> _sure;

    private TagDictionary(Dictionary<ulong, ulong> ambiguity, Dictionary<ulong, ushort> lexicon, Dictionary<ulong, int> sure)
    {
        _ambiguity = ambiguity;
        _lexicon = lexicon;
        _sure = sure;
    }

    /// <summary>
    /// The tag of a frequent word that practically always has the same tag ("the", ",", "of"), or -1. The tagger
    /// assigns these without scoring, which roughly halves its work at no cost in accuracy.
    /// </summary>
    public int SureTagOf(ulong lower) => _sure.TryGetValue(lower, out var t) ? t : -1;

    public int AmbiguityEntries => _ambiguity.Count;
    public int SureEntries => _sure.Count;
    public int LexiconEntries => _lexicon.Count;

    public ulong AmbiguityOf(ulong lower) => _ambiguity.TryGetValue(lower, out var a) ? a : 0;

    public ulong LexiconClassOf(ulong lower) => _lexicon.TryGetValue(lower, out var m) ? (ulong)m + 1 : 0;

    /// <param name="words">Training words as (form, tag id) pairs.</param>
    /// <param name="minCount">Words seen fewer times get no ambiguity class (their tag set is unreliable).</param>
    public static TagDictionary Build(IEnumerable<(string Form, int Tag)> words, int minCount, string? lexiconDirectory)
    {
        var tagsOf = new Dictionary<ulong, SortedDictionary<int, int>>();
        foreach (var (form, tag) in words)
        {
            ulong key = WordInfo.LowerHash(form);
            if (!tagsOf.TryGetValue(key, out var counts)) tagsOf[key] = counts = new SortedDictionary<int, int>();
            counts[tag] = counts.GetValueOrDefault(tag) + 1;
        }
        var ambiguity = new Dictionary<ulong, ulong>();
        var sure = new Dictionary<ulong, int>();
        foreach (var (key, counts) in tagsOf)
        {
            int count = counts.Values.Sum();
            if (count < minCount) continue;
            ulong h = FeatureHash.Begin();
            foreach (var t in counts.Keys) h = FeatureHash.Add(h, (char)(t + 1));
            ambiguity[key] = FeatureHash.Mix(h);
            var (top, topCount) = counts.MaxBy(kv => kv.Value);
            if (count >= SureMinCount && topCount >= SureMinShare * count) sure[key] = top;
        }
        var lexicon = lexiconDirectory == null ? new Dictionary<ulong, ushort>() : ReadLexicon(lexiconDirectory);
        return new TagDictionary(ambiguity, lexicon, sure);
    }

    private static Dictionary<ulong, ushort> ReadLexicon(string directory)
    {
        var masks = new Dictionary<string, int>(StringComparer.Ordinal);
        void Mark(string word, int bit)
        {
            if (word.Length == 0 || word.Contains('_')) return;
            masks[word] = masks.GetValueOrDefault(word) | bit;
        }
        var wordnet = Path.Combine(directory, "wordnet-3.0");
        if (Directory.Exists(wordnet))
        {
            foreach (var (file, bit) in new[] { ("index.noun", WnNoun), ("index.verb", WnVerb), ("index.adj", WnAdj), ("index.adv", WnAdv) })
                foreach (var line in ReadLines(Path.Combine(wordnet, file)))
                    if (line.Length > 0 && line[0] != ' ')
                        Mark(line[..line.IndexOf(' ')], bit);
            foreach (var (file, bit) in new[] { ("noun.exc", NounPlural), ("adj.exc", AdjGraded) })
                foreach (var line in ReadLines(Path.Combine(wordnet, file)))
                {
                    int space = line.IndexOf(' ');
                    if (space > 0) Mark(line[..space], bit);
                }
            // Regular noun plurals and graded adjectives of WordNet lemmas.
            foreach (var (word, mask) in masks.ToArray())
            {
                if ((mask & WnNoun) != 0)
                {
                    Mark(word.EndsWith('s') || word.EndsWith('x') || word.EndsWith("ch") || word.EndsWith("sh") ? word + "es"
                        : word.EndsWith('y') && word.Length > 2 && !"aeiou".Contains(word[^2]) ? word[..^1] + "ies" : word + "s", NounPlural);
                }
            }
        }
        var unimorph = Path.Combine(directory, "unimorph-eng-verbs", "eng.args");
        if (File.Exists(unimorph))
        {
            foreach (var line in File.ReadLines(unimorph))
            {
                var cols = line.Split('\t');
                if (cols.Length < 3) continue;
                var form = cols[1].ToLowerInvariant();
                int bit = cols[2] switch
                {
                    "V;PST" => VerbPast,
                    "V;V.PTCP;PST" => VerbPastParticiple,
                    "V;V.PTCP;PRS" => VerbGerund,
                    "V;PRS;NOM(3,SG)" => VerbThirdSingular,
                    "V;NFIN" => VerbBase,
                    _ => 0,
                };
                if (bit != 0 && !form.Contains(' ')) Mark(form, bit);
            }
        }
        var result = new Dictionary<ulong, ushort>(masks.Count);
        foreach (var (word, mask) in masks) result[WordInfo.LowerHash(word)] = (ushort)(result.GetValueOrDefault(WordInfo.LowerHash(word)) | mask);
        return result;
    }

    private static IEnumerable<string> ReadLines(string path)
    {
        if (File.Exists(path)) return File.ReadLines(path);
        if (File.Exists(path + ".gz")) return ReadGzipLines(path + ".gz");
        throw new FileNotFoundException($"lexicon file {path} (or {path}.gz) not found");
    }

    private static IEnumerable<string> ReadGzipLines(string path)
    {
        using var stream = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new StreamReader(stream);
        string? line;
        while ((line = reader.ReadLine()) != null) yield return line;
    }

    public void Write(BinaryWriter w)
    {
        w.Write(_ambiguity.Count);
        foreach (var (k, v) in _ambiguity.OrderBy(kv => kv.Key)) { w.Write(k); w.Write(v); }
        w.Write(_lexicon.Count);
        foreach (var (k, v) in _lexicon.OrderBy(kv => kv.Key)) { w.Write(k); w.Write(v); }
        w.Write(_sure.Count);
        foreach (var (k, v) in _sure.OrderBy(kv => kv.Key)) { w.Write(k); w.Write(v); }
    }

    public static TagDictionary Read(BinaryReader r)
    {
        int n = r.ReadInt32();
        var ambiguity = new Dictionary<ulong, ulong>(n);
        for (int i = 0; i < n; i++) ambiguity[r.ReadUInt64()] = r.ReadUInt64();
        int m = r.ReadInt32();
        var lexicon = new Dictionary<ulong, ushort>(m);
        for (int i = 0; i < m; i++) lexicon[r.ReadUInt64()] = r.ReadUInt16();
        int s = r.ReadInt32();
        var sure = new Dictionary<ulong, int>(s);
        for (int i = 0; i < s; i++) sure[r.ReadUInt64()] = r.ReadInt32();
        return new TagDictionary(ambiguity, lexicon, sure);
    }
}
