
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
        VerbPastParticiple = 64, VerbGerund = 128, VerbThirdSingular = 256, VerbBase = 512, AdjGraded = 1024,
        WnCapitalised = 2048, WnLowercase = 4096;

    private const int SureMinCount = 20;
    private const double SureMinShare = 0.995;

    private readonly Dictionary<ulong, ulong> _ambiguity;
    private readonly Dictionary<ulong, ushort> _lexicon;
    private readonly Dictionary<ulong, int> _sure;
    private readonly Dictionary<ulong, byte> _capitalisation;

    private TagDictionary(Dictionary<ulong, ulong> ambiguity, Dictionary<ulong, ushort> lexicon, Dictionary<ulong, int> sure,
        Dictionary<ulong, byte> capitalisation)
    {
        _ambiguity = ambiguity;
        _lexicon = lexicon;
        _sure = sure;
        _capitalisation = capitalisation;
    }

    /// <summary>
    /// How often a training word was capitalised away from the sentence start: 0 unknown/rare, 1 never, 2 sometimes,
    /// 3 mostly, 4 always. Tells names from common words better than the word's own casing in headlines.
    /// </summary>
    public ulong CapitalisationOf(ulong lower) => _capitalisation.TryGetValue(lower, out var c) ? c : 0UL;

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
    public static TagDictionary Build(IEnumerable<(string Form, int Tag, bool Initial)> words, int minCount, string? lexiconDirectory)
    {
        var tagsOf = new Dictionary<ulong, SortedDictionary<int, int>>();
        var caps = new Dictionary<ulong, (int Capitalised, int Total)>();
        foreach (var (form, tag, initial) in words)
        {
            ulong key = WordInfo.LowerHash(form);
            if (!tagsOf.TryGetValue(key, out var counts)) tagsOf[key] = counts = new SortedDictionary<int, int>();
            counts[tag] = counts.GetValueOrDefault(tag) + 1;
            if (!initial && form.Length > 0 && char.IsLetter(form[0]))
            {
                var (c, t) = caps.GetValueOrDefault(key);
                caps[key] = (c + (char.IsUpper(form[0]) ? 1 : 0), t + 1);
            }
        }
        var capitalisation = new Dictionary<ulong, byte>();
        foreach (var (key, (c, t)) in caps)
            if (t >= 2) capitalisation[key] = c == 0 ? (byte)1 : c == t ? (byte)4 : c * 2 < t ? (byte)2 : (byte)3;
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
        return new TagDictionary(ambiguity, lexicon, sure, capitalisation);
    }

    private static Dictionary<ulong, ushort> ReadLexicon(string directory)
    {
        var masks = new Dictionary<string, int>(StringComparer.Ordinal);
        void Mark(string word, int bit)
        {
            if (word.Length == 0 || word.Contains('_')) return;
            masks[word] = masks.GetValueOrDefault(word) | bit;
        }
        void MarkCase(string word, int bit) => masks[word] = masks.GetValueOrDefault(word) | bit;
        var wordnet = Path.Combine(directory, "wordnet-3.0");
        if (Directory.Exists(wordnet))
        {
            foreach (var (file, bit) in new[] { ("index.noun", WnNoun), ("index.verb", WnVerb), ("index.adj", WnAdj), ("index.adv", WnAdv) })
                foreach (var line in LexiconFiles.ReadLines(Path.Combine(wordnet, file)))
                    if (line.Length > 0 && line[0] != ' ')
                        Mark(line[..line.IndexOf(' ')], bit);
            foreach (var (file, bit) in new[] { ("noun.exc", NounPlural), ("adj.exc", AdjGraded) })
                foreach (var line in LexiconFiles.ReadLines(Path.Combine(wordnet, file)))
                {
                    int space = line.IndexOf(' ');
                    if (space > 0) Mark(line[..space], bit);
                }
            // Case as written in the synsets: names ("Kazakhstan", "Handies_Peak") are capitalised, common words not.
            // Parts of multi-word names count too, which covers many first names and place-name parts.
            foreach (var file in new[] { "data.noun", "data.adj" })
                foreach (var line in LexiconFiles.ReadLines(Path.Combine(wordnet, file)))
                {
                    if (line.Length == 0 || line[0] == ' ') continue;
                    // offset lex_filenum ss_type w_cnt(hex) word lex_id [word lex_id ...] ...
                    var cols = line.Split(' ', 5);
                    if (cols.Length < 5) continue;
                    int count = Convert.ToInt32(cols[3], 16);
                    var rest = cols[4].Split(' ', 2 * count + 1);
                    for (int i = 0; i < count && 2 * i < rest.Length; i++)
                    {
                        var lemma = rest[2 * i];
                        int paren = lemma.IndexOf('(');
                        if (paren > 0) lemma = lemma[..paren]; // adjective markers like "(a)"
                        foreach (var part in lemma.Split('_'))
                        {
                            if (part.Length < 2 || !char.IsLetter(part[0])) continue;
                            MarkCase(part.ToLowerInvariant(), char.IsUpper(part[0]) ? WnCapitalised : WnLowercase);
                        }
                    }
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

    public void Write(BinaryWriter w)
    {
        w.Write(_ambiguity.Count);
        foreach (var (k, v) in _ambiguity.OrderBy(kv => kv.Key)) { w.Write(k); w.Write(v); }
        w.Write(_lexicon.Count);
        foreach (var (k, v) in _lexicon.OrderBy(kv => kv.Key)) { w.Write(k); w.Write(v); }
        w.Write(_sure.Count);
        foreach (var (k, v) in _sure.OrderBy(kv => kv.Key)) { w.Write(k); w.Write(v); }
        w.Write(_capitalisation.Count);
        foreach (var (k, v) in _capitalisation.OrderBy(kv => kv.Key)) { w.Write(k); w.Write(v); }
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
        int c = r.ReadInt32();
        var capitalisation = new Dictionary<ulong, byte>(c);
        for (int i = 0; i < c; i++) capitalisation[r.ReadUInt64()] = r.ReadByte();
        return new TagDictionary(ambiguity, lexicon, sure, capitalisation);
    }
}
