using System.Runtime.CompilerServices;

namespace Dyad.Nlp.Ner;

/// <summary>Kinds of gazetteer entry; each is one bit of an entry's mask.</summary>
public enum GazetteerType
{
    Country, Capital, LargeCity, City, Region, Area, Organization, Company, ArmedGroup, Person, Demonym,
    /// <summary>Word-level: a token seen as a person's first name.</summary>
    FirstName,
    /// <summary>Word-level: a token seen as a person's last name.</summary>
    Surname,
    /// <summary>Word-level: a role or title noun ("minister", "spokesman").</summary>
    Title,
    /// <summary>Named instances in WordNet, by lexicographer file: people, places (locations and natural objects), groups.</summary>
    LexiconPerson, LexiconPlace, LexiconGroup,
    /// <summary>Word-level: an ordinary lower-case English word in WordNet ("heather", "mobile").</summary>
    CommonWord,
    /// <summary>A multi-word role or body phrase, matched in any case ("foreign minister", "department of defense").</summary>
    AgentPhrase,
    /// <summary>Word-level: a capitalized head noun of organization names ("Ministry", "University", "Party").</summary>
    OrganizationWord,
    /// <summary>A lower-case run matching a place entry ("kerala"), when it is not an ordinary word: web text drops capitals.</summary>
    UncasedPlace,
    /// <summary>A lower-case run matching an organization, company or person entry, when it is not an ordinary word.</summary>
    UncasedName,
}

/// <summary>
/// Name lists the recognizer consults: multi-token phrases (places, organizations, people, demonyms) matched on
/// capitalized token runs, word lists (first names, surnames, titles), and the country or group each demonym denotes.
/// Keys are normalized (lower case, letters and digits only) so "NUR-SULTAN", "Nur - Sultan" and "Nur-Sultan" match alike.
/// </summary>
public sealed class Gazetteer
{
    public const int MaxPhraseTokens = 8;
    public static readonly int TypeCount = Enum.GetValues<GazetteerType>().Length;
    private const uint WordTypes = (1u << (int)GazetteerType.FirstName) | (1u << (int)GazetteerType.Surname) | (1u << (int)GazetteerType.Title) | (1u << (int)GazetteerType.CommonWord) | (1u << (int)GazetteerType.OrganizationWord);
    private const uint AnyCaseTypes = (1u << (int)GazetteerType.Title) | (1u << (int)GazetteerType.CommonWord);

    // Plain dictionaries: only Write needs the keys in order, and sorting there is cheaper than keeping a sorted
    // tree of a few hundred thousand names at every load. A loaded file lists its keys sorted, so they are also
    // inserted, and hashed below, in that order.
    private readonly Dictionary<string, uint> _entries;
    private readonly Dictionary<string, string> _demonyms;
    private readonly Dictionary<ulong, uint> _masks = new();
    private readonly Dictionary<ulong, string> _demonymCodes = new();

    public Gazetteer(IDictionary<string, uint> entries, IDictionary<string, string> demonyms)
    {
        _entries = new Dictionary<string, uint>(entries.Count, StringComparer.Ordinal);
        foreach (var (key, mask) in entries)
        {
            string normal = Normalize(key);
            if (normal.Length == 0 || mask == 0) continue;
            _entries[normal] = _entries.GetValueOrDefault(normal) | mask;
        }
        _demonyms = new Dictionary<string, string>(demonyms.Count, StringComparer.Ordinal);
        foreach (var (key, code) in demonyms)
        {
            string normal = Normalize(key);
            if (normal.Length > 0) _demonyms.TryAdd(normal, code);
        }
        _masks.EnsureCapacity(_entries.Count);
        foreach (var key in Sorted(_entries.Keys)) _masks[FeatureHash.Of(key)] = _entries[key];
        foreach (var key in Sorted(_demonyms.Keys)) _demonymCodes[FeatureHash.Of(key)] = _demonyms[key];
    }

    public static Gazetteer Empty { get; } = new(new Dictionary<string, uint>(), new Dictionary<string, string>());

    public int EntryCount => _entries.Count;
    public int DemonymCount => _demonyms.Count;

    public static uint Bit(GazetteerType type) => 1u << (int)type;

    /// <summary>
    /// Keys in ordinal order, as the sorted dictionaries used before gave them: where two keys share a 64-bit hash
    /// (never seen, but possible) the later one keeps winning, and files are written in the same order.
    /// </summary>
    private static string[] Sorted(IEnumerable<string> keys)
    {
        var sorted = keys.ToArray();
        // Keys read from a model file arrive sorted already; sorting is then a check that costs one pass.
        if (!IsSorted(sorted)) Array.Sort(sorted, StringComparer.Ordinal);
        return sorted;
    }

    private static bool IsSorted(string[] keys)
    {
        for (int i = 1; i < keys.Length; i++)
            if (string.CompareOrdinal(keys[i - 1], keys[i]) > 0) return false;
        return true;
    }

    /// <summary>The normalized key for a phrase: lower-case letters and digits only.</summary>
    public static string Normalize(string phrase)
    {
        if (IsNormal(phrase)) return phrase; // keys read from a model file: no copy
        Span<char> buffer = phrase.Length <= 256 ? stackalloc char[phrase.Length] : new char[phrase.Length];
        int n = 0;
        foreach (char c in phrase)
            if (char.IsLetterOrDigit(c)) buffer[n++] = char.ToLowerInvariant(c);
        return new string(buffer[..n]);
    }

    private static bool IsNormal(string phrase)
    {
        foreach (char c in phrase)
            if (!char.IsLetterOrDigit(c) || char.ToLowerInvariant(c) != c) return false;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Extend(ulong hash, string token)
    {
        foreach (char c in token)
            if (char.IsLetterOrDigit(c)) hash = FeatureHash.Add(hash, char.ToLowerInvariant(c));
        return hash;
    }

    private static bool StartsCapitalized(string token) => token.Length > 0 && (char.IsUpper(token[0]) || char.IsDigit(token[0]));

    /// <summary>The entry mask of a whole phrase (0 when absent); for tests and tools.</summary>
    public uint Lookup(string phrase) => _entries.GetValueOrDefault(Normalize(phrase));

    /// <summary>
    /// Marks gazetteer matches on each token: bit (type * 4 + position) of <paramref name="bits"/>[i], with position
    /// 0 = first token of a multi-token match, 1 = inside, 2 = last, 3 = single-token match.
    /// Phrases must start and end on a capitalized token; word lists need only a capitalized token (titles: any case).
    /// </summary>
    public void Match(IReadOnlyList<string> tokens, Span<UInt128> bits)
    {
        bits.Clear();
        int n = tokens.Count;
        for (int i = 0; i < n; i++)
        {
            string first = tokens[i];
            bool capitalized = StartsCapitalized(first);
            ulong hash = Extend(FeatureHash.Seed, first);
            if (hash == FeatureHash.Seed) continue;
            int limit = Math.Min(n, i + MaxPhraseTokens);
            for (int j = i; j < limit; j++)
            {
                if (j > i) hash = Extend(hash, tokens[j]);
                if (!_masks.TryGetValue(hash, out uint mask)) continue;
                if (j == i)
                {
                    uint wordMask = mask & WordTypes;
                    if (!capitalized) wordMask &= AnyCaseTypes;
                    if (wordMask != 0) Mark(bits, i, i, wordMask);
                }
                uint phraseMask = mask & ~WordTypes;
                if (!capitalized || !StartsCapitalized(tokens[j]))
                {
                    phraseMask = Uncased(phraseMask, (mask & Bit(GazetteerType.CommonWord)) != 0);
                    if (j > i && phraseMask != 0 && (LookupHash(tokens[j]) & Bit(GazetteerType.CommonWord)) != 0 && (LookupHash(first) & Bit(GazetteerType.CommonWord)) != 0)
                        phraseMask &= Bit(GazetteerType.AgentPhrase); // "new york" yes, "general fund" no
                }
                if (phraseMask != 0) Mark(bits, i, j, phraseMask);
            }
        }
    }

    private const uint PlaceTypes = (1u << (int)GazetteerType.Country) | (1u << (int)GazetteerType.Capital) | (1u << (int)GazetteerType.LargeCity)
        | (1u << (int)GazetteerType.City) | (1u << (int)GazetteerType.Region) | (1u << (int)GazetteerType.Area);
    private const uint NameTypes = (1u << (int)GazetteerType.Organization) | (1u << (int)GazetteerType.Company) | (1u << (int)GazetteerType.Person) | (1u << (int)GazetteerType.ArmedGroup);

    /// <summary>What a lower-case match may signal: role phrases as they are; places and names only as their uncased kinds.</summary>
    private static uint Uncased(uint mask, bool commonWord)
    {
        uint result = mask & Bit(GazetteerType.AgentPhrase);
        if (commonWord) return result;
        if ((mask & PlaceTypes) != 0) result |= Bit(GazetteerType.UncasedPlace);
        if ((mask & NameTypes) != 0) result |= Bit(GazetteerType.UncasedName);
        return result;
    }

    private uint LookupHash(string token) => _masks.GetValueOrDefault(Extend(FeatureHash.Seed, token));

    private static void Mark(Span<UInt128> bits, int first, int last, uint mask)
    {
        for (int type = 0; mask != 0; type++, mask >>= 1)
        {
            if ((mask & 1) == 0) continue;
            if (first == last) { bits[first] |= UInt128.One << (type * 4 + 3); continue; }
            bits[first] |= UInt128.One << (type * 4);
            for (int k = first + 1; k < last; k++) bits[k] |= UInt128.One << (type * 4 + 1);
            bits[last] |= UInt128.One << (type * 4 + 2);
        }
    }

    /// <summary>
    /// Sets <paramref name="codes"/>[i] to the country or group code for tokens inside a capitalized demonym phrase
    /// ("Kazakh" -> "KAZ", "South Korean" -> both tokens "KOR"); leaves other entries untouched. Longest match wins.
    /// </summary>
    public void MatchDemonyms(IReadOnlyList<string> tokens, string?[] codes)
    {
        int n = tokens.Count;
        for (int i = 0; i < n; i++)
        {
            if (!StartsCapitalized(tokens[i])) continue;
            ulong hash = FeatureHash.Seed;
            int bestEnd = -1;
            string? bestCode = null;
            for (int j = i; j < Math.Min(n, i + 4); j++)
            {
                hash = Extend(hash, tokens[j]);
                if (StartsCapitalized(tokens[j]) && _demonymCodes.TryGetValue(hash, out var code)) { bestEnd = j; bestCode = code; }
            }
            if (bestCode == null) continue;
            for (int k = i; k <= bestEnd; k++) codes[k] = bestCode;
            i = bestEnd;
        }
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(_entries.Count);
        foreach (var key in Sorted(_entries.Keys)) { writer.Write(key); writer.Write(_entries[key]); }
        writer.Write(_demonyms.Count);
        foreach (var key in Sorted(_demonyms.Keys)) { writer.Write(key); writer.Write(_demonyms[key]); }
    }

    public static Gazetteer Read(BinaryReader reader)
    {
        int count = reader.ReadInt32();
        var entries = new Dictionary<string, uint>(count);
        for (int i = 0; i < count; i++) entries[reader.ReadString()] = reader.ReadUInt32();
        int demonymCount = reader.ReadInt32();
        var demonyms = new Dictionary<string, string>(demonymCount);
        for (int i = 0; i < demonymCount; i++) demonyms[reader.ReadString()] = reader.ReadString();
        return new Gazetteer(entries, demonyms);
    }
}
