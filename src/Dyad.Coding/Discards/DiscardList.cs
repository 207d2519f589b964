using Dyad.Knowledge;
using Dyad.Knowledge.Dictionaries;
using Dyad.Text;

namespace Dyad.Coding.Discards;

/// <summary>
/// The discard phrases of the actor dictionaries (Phoenix.discards.txt: sports, entertainment, disasters, history),
/// matched as PETRARCH does: case-insensitively at the start of a word, the last word as a stem ("CHAMPION" also
/// matches "championship") unless the phrase ends in '_'. A plain phrase discards its sentence, a '+' phrase the
/// whole document. Matching runs on the normalized sentence text (<see cref="PhraseNormalizer"/>), the same key the
/// dictionary stores, so "F.I.F.A." and "fifa" agree.
/// </summary>
public sealed class DiscardList
{
    // Phrases by their first word; a one-word stem phrase is also kept apart, since it matches any word it begins.
    private readonly Dictionary<string, List<DiscardEntry>> _byFirstWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DiscardEntry> _oneWordStems = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<DiscardEntry>>.AlternateLookup<ReadOnlySpan<char>> _byFirstWordSpan;
    private readonly Dictionary<string, DiscardEntry>.AlternateLookup<ReadOnlySpan<char>> _stemSpan;
    private readonly int _longestStem;

    public static readonly DiscardList Empty = new([]);

    public DiscardList(IEnumerable<DiscardEntry> entries)
    {
        foreach (var entry in entries)
        {
            if (entry.Phrase.Length == 0) continue;
            int space = entry.Phrase.IndexOf(' ');
            if (space < 0 && !entry.WholeWord)
            {
                _oneWordStems.TryAdd(entry.Phrase, entry);
                _longestStem = Math.Max(_longestStem, entry.Phrase.Length);
                continue;
            }
            string first = space < 0 ? entry.Phrase : entry.Phrase[..space];
            if (!_byFirstWord.TryGetValue(first, out var list)) _byFirstWord[first] = list = [];
            list.Add(entry);
            Count++;
        }
        Count += _oneWordStems.Count;
        _byFirstWordSpan = _byFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
        _stemSpan = _oneWordStems.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The phrases loaded.</summary>
    public int Count { get; }

    /// <summary>
    /// The discards of a dictionary as Dyad's CAMEO convention applies them: without Phoenix's chronology phrases
    /// (bare years 1914-2013, "years ago", "months later"), because Dyad dates an event by such expressions
    /// (docs/coding.md "Event date") instead of dropping it. <paramref name="all"/> keeps every phrase, as PETRARCH does.
    /// </summary>
    public static DiscardList From(ActorDictionary dictionary, bool all)
    {
        var entries = new List<DiscardEntry>();
        foreach (var entry in dictionary.Discards)
            if (all || !IsChronology(entry.Phrase)) entries.Add(entry);
        return new DiscardList(entries);
    }

    /// <summary>True for a phrase made only of numbers and time words: a date reference, not a topic.</summary>
    public static bool IsChronology(string phrase)
    {
        foreach (var word in phrase.Split(' '))
        {
            bool number = word.Length > 0;
            foreach (char c in word) number &= char.IsAsciiDigit(c);
            if (!number && !TimeWords.Contains(word)) return false;
        }
        return phrase.Length > 0;
    }

    private static readonly HashSet<string> TimeWords = new(StringComparer.Ordinal)
    {
        "ago", "later", "earlier", "before", "after", "day", "days", "week", "weeks", "month", "months", "year", "years",
        "decade", "decades", "century", "centuries", "a", "one", "two", "three", "four", "five", "six", "seven", "eight",
        "nine", "ten", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred",
    };

    /// <summary>The first discard phrase found in <paramref name="text"/>, or null.</summary>
    public DiscardEntry? Match(ReadOnlySpan<char> text)
    {
        if (Count == 0 || text.IsEmpty) return null;
        Span<char> buffer = text.Length <= 512 ? stackalloc char[text.Length * 2 + 1] : new char[text.Length * 2 + 1];
        int n = PhraseNormalizer.Normalize(text, buffer);
        return MatchNormalized(buffer[..n]);
    }

    private DiscardEntry? MatchNormalized(ReadOnlySpan<char> key)
    {
        int start = 0;
        while (start < key.Length)
        {
            int end = key[start..].IndexOf(' ');
            end = end < 0 ? key.Length : start + end;
            var word = key[start..end];
            if (_byFirstWordSpan.TryGetValue(word, out var candidates))
                foreach (var entry in candidates)
                    if (MatchesAt(entry, key[start..])) return entry;
            // A one-word stem matches any word it begins ("football" in "footballers").
            for (int length = Math.Min(word.Length, _longestStem); length > 0; length--)
                if (_stemSpan.TryGetValue(word[..length], out var stem)) return stem;
            start = end + 1;
        }
        return null;
    }

    private static bool MatchesAt(DiscardEntry entry, ReadOnlySpan<char> rest)
    {
        if (!rest.StartsWith(entry.Phrase, StringComparison.Ordinal)) return false;
        // A '_' phrase must end at a word end; otherwise its last word is a stem.
        return !entry.WholeWord || rest.Length == entry.Phrase.Length || rest[entry.Phrase.Length] == ' ';
    }

    /// <summary>Which sentences of a document are discarded, and whether a story discard drops it all.</summary>
    public DocumentDiscards Check(AnnotatedDocument doc)
    {
        if (Count == 0) return DocumentDiscards.None;
        DiscardEntry?[]? bySentence = null;
        for (int s = 0; s < doc.Sentences.Count; s++)
        {
            var sentence = doc.Sentences[s];
            if (Match(doc.Text.AsSpan(sentence.Start, sentence.End - sentence.Start)) is not { } entry) continue;
            if (entry.WholeStory) return new DocumentDiscards(entry, null);
            bySentence ??= new DiscardEntry?[doc.Sentences.Count];
            bySentence[s] = entry;
        }
        return bySentence == null ? DocumentDiscards.None : new DocumentDiscards(null, bySentence);
    }
}

/// <summary>The discards found in one document: a story discard, or the phrase that discards each sentence.</summary>
public sealed record DocumentDiscards(DiscardEntry? Story, DiscardEntry?[]? BySentence)
{
    public static readonly DocumentDiscards None = new(null, null);

    /// <summary>The phrase that keeps sentence <paramref name="index"/> from being coded, or null.</summary>
    public DiscardEntry? For(int index) => Story ?? (BySentence is { } s && index < s.Length ? s[index] : null);
}
