using System.Reflection;

namespace Dyad.Coding.Lexicon;

/// <summary>The best pattern for a predicate in its context.</summary>
public sealed record LexiconMatch(LexiconEntry Entry)
{
    /// <summary>The CAMEO code, or null when the best pattern is a "no event" pattern.</summary>
    public string? Code => Entry.Code;
    public Provenance Provenance => Entry.Provenance;
}

/// <summary>
/// CAMEO verb patterns and event nouns: the compiled lexicon (PETRARCH's CAMEO.2.0 verb dictionary imported into our
/// pattern representation, plus our extensions), optionally overlaid with a user dictionary in the same TSV format.
/// The most specific matching pattern wins; among equally specific ones, the one loaded last.
/// </summary>
public sealed class VerbLexicon
{
    internal const string ResourceName = "Dyad.Coding.verbs.lexicon.tsv.gz";
    public const string CompiledFileName = "verbs.lexicon.tsv.gz";
    private static readonly Lazy<VerbLexicon> Embedded = new(() => Load(userDictionary: null));

    private readonly Dictionary<string, LexiconEntry[]> _verbs;
    private readonly Dictionary<string, LexiconEntry[]> _nouns;

    internal VerbLexicon(List<LexiconEntry> entries, List<LexiconDiagnostic> diagnostics)
    {
        Entries = entries;
        Diagnostics = diagnostics;
        _verbs = Index(entries, EntryKind.Verb);
        _nouns = Index(entries, EntryKind.Noun);
    }

    /// <summary>All entries in load order.</summary>
    public IReadOnlyList<LexiconEntry> Entries { get; }

    /// <summary>Malformed lines met while loading, each with its file and line; those lines were skipped.</summary>
    public IReadOnlyList<LexiconDiagnostic> Diagnostics { get; }

    public int VerbCount => _verbs.Count;
    public int NounCount => _nouns.Count;

    /// <summary>The compiled lexicon embedded in this assembly (shared, loaded once).</summary>
    public static VerbLexicon Load() => Embedded.Value;

    /// <summary>The compiled lexicon with a user dictionary (TSV, docs/coding.md) laid over it; null for none.</summary>
    public static VerbLexicon Load(string? userDictionary)
    {
        var builder = new LexiconBuilder();
        ReadEmbedded(builder);
        if (userDictionary != null) LexiconTsv.ReadFile(userDictionary, builder);
        return builder.Build();
    }

    /// <summary>A lexicon from explicit files only (compiled .tsv.gz or plain TSV), in order.</summary>
    public static VerbLexicon LoadFiles(params string[] paths)
    {
        var builder = new LexiconBuilder();
        foreach (var path in paths) LexiconTsv.ReadFile(path, builder);
        return builder.Build();
    }

    internal static void ReadEmbedded(LexiconBuilder builder)
    {
        using var stream = typeof(VerbLexicon).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the compiled lexicon resource {ResourceName} is missing from {typeof(VerbLexicon).Assembly.GetName().Name}");
        using var reader = LexiconTsv.OpenText(stream, gzip: true);
        LexiconTsv.Read(reader, "models/" + CompiledFileName, builder);
    }

    /// <summary>The most specific verb pattern for a verb lemma in its context, or null when the verb is unknown.</summary>
    public LexiconMatch? Match(string lemma, VerbContext context) => Best(_verbs, lemma, context);

    /// <summary>The most specific event-noun pattern ("talks", "airstrike") for a noun lemma, or null.</summary>
    public LexiconMatch? MatchNoun(string lemma, VerbContext context) => Best(_nouns, lemma, context);

    public bool HasVerb(string lemma) => _verbs.ContainsKey(lemma);

    /// <summary>Every pattern of a lemma, most specific first.</summary>
    public IReadOnlyList<LexiconEntry> PatternsOf(string lemma, EntryKind kind = EntryKind.Verb) =>
        (kind == EntryKind.Verb ? _verbs : _nouns).TryGetValue(lemma, out var list) ? list : [];

    private static LexiconMatch? Best(Dictionary<string, LexiconEntry[]> index, string lemma, VerbContext context)
    {
        if (!index.TryGetValue(lemma, out var candidates))
        {
            var lower = lemma.ToLowerInvariant();
            if (lower == lemma || !index.TryGetValue(lower, out candidates)) return null;
        }
        // Candidates are sorted most specific first, later-loaded first within a specificity: the first match wins.
        foreach (var entry in candidates)
            if (entry.Matches(context)) return new LexiconMatch(entry);
        return null;
    }

    private static Dictionary<string, LexiconEntry[]> Index(List<LexiconEntry> entries, EntryKind kind)
    {
        var lists = new Dictionary<string, List<(LexiconEntry Entry, int Order)>>(StringComparer.Ordinal);
        for (int i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            if (e.Kind != kind) continue;
            if (!lists.TryGetValue(e.Lemma, out var list)) lists[e.Lemma] = list = [];
            list.Add((e, i));
        }
        var index = new Dictionary<string, LexiconEntry[]>(lists.Count, StringComparer.Ordinal);
        foreach (var (lemma, list) in lists)
        {
            list.Sort((a, b) => a.Entry.Specificity != b.Entry.Specificity ? b.Entry.Specificity.CompareTo(a.Entry.Specificity) : b.Order.CompareTo(a.Order));
            index[lemma] = list.Select(x => x.Entry).ToArray();
        }
        return index;
    }
}
