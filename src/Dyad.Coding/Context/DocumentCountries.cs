using Dyad.Coding.Coder;
using Dyad.Coding.Setting;
using Dyad.Knowledge.Places;
using Dyad.Knowledge.Resolution;
using Dyad.Text;

namespace Dyad.Coding.Context;

/// <summary>
/// The countries one document mentions, in order, and the country its story is set in: what an actor phrase that
/// names no country ("the government", "police", "the country") can take its country from (docs/coding.md "Context").
/// Two kinds of evidence are kept apart. <b>Mentions</b> are the countries of resolved names, demonyms and locative
/// place names, by sentence and token ("Lebanese protesters", "Aung San Suu Kyi", "in Minsk"), for anaphora: "the
/// government" two sentences later. The <b>setting</b> is where the story is filed from: the dateline's place. A nationality alone ("two Ghanaian journalists") is no setting: foreigners
/// are news abroad.
/// </summary>
internal sealed class DocumentCountries
{
    /// <summary>How far back anaphora looks: the sentence itself and the two before it (as for "he").</summary>
    public const int SentenceReach = 2;

    private readonly List<(int Sentence, int Token, string Country)> _mentions = [];
    private readonly string? _setting;
    private readonly string _settingWhy = "";

    /// <param name="resolveName">The document's own name resolution (dictionaries, learned people, surnames).</param>
    public DocumentCountries(AnnotatedDocument doc, CountryTable countries, Func<Sentence, int, ActorResolution?> resolveName)
    {
        for (int s = 0; s < doc.Sentences.Count; s++)
        {
            var sentence = doc.Sentences[s];
            if (sentence.Heads == null || sentence.Relations == null) continue;
            var demonyms = sentence.Demonyms;
            int mark = _mentions.Count;
            if (sentence.Entities != null)
                foreach (var entity in sentence.Entities)
                {
                    int head = DocumentMentions.SpanHead(sentence, entity.Start, entity.End);
                    if (entity.Type == "LOC" && IsLocative(sentence, head) && PlaceCountry(countries, doc.Text, sentence, entity.Start, entity.End) is { } place)
                    {
                        _mentions.Add((s, head, place));
                        continue;
                    }
                    if (CountryOf(countries, resolveName(sentence, head)?.Code) is { } country) _mentions.Add((s, head, country));
                }
            if (demonyms != null)
                for (int t = 0; t < sentence.Count; t++)
                    if (demonyms[t] is { Length: 3 } d && countries.ByIso3(d) != null) _mentions.Add((s, t, d));
            // Entities then demonyms: order this sentence's mentions by token so "before the anaphor" is one comparison.
            _mentions.Sort(mark, _mentions.Count - mark, MentionOrder.Instance);
        }
        // Only the dateline sets the story: "in Minsk" also makes a setting of sorts, but on the dev gold the bare agents
        // it placed ("Police in Minsk used tear gas against protesters") were all protest sentences whose codes the
        // lexicon gets wrong (docs/coding.md "Context"), so it stays a mention.
        if (Dateline.Find(doc) is { } dateline && (DatelineCountry(countries, dateline.Region) ?? DatelineCountry(countries, dateline.Place)) is { } filed)
        {
            _setting = filed;
            _settingWhy = $"the dateline '{dateline.Place}'";
        }
    }

    /// <summary>The country of the story's dateline, and the evidence; null without a dateline in a known country.</summary>
    public (string Country, string Why)? Setting => _setting == null ? null : (_setting, _settingWhy);

    /// <summary>
    /// The one country mentioned before token <paramref name="token"/> of sentence <paramref name="sentence"/> in it
    /// and the <see cref="SentenceReach"/> sentences before; null when none or more than one (ambiguous anaphora codes nothing).
    /// </summary>
    public string? Antecedent(int sentence, int token) => Antecedent(sentence, token, out _);

    /// <param name="ambiguous">Set when two or more countries were named: the text points elsewhere than the setting.</param>
    public string? Antecedent(int sentence, int token, out bool ambiguous)
    {
        ambiguous = false;
        string? found = null;
        for (int i = _mentions.Count - 1; i >= 0; i--)
        {
            var (s, t, country) = _mentions[i];
            if (s > sentence || (s == sentence && t >= token)) continue;
            if (s < sentence - SentenceReach) break;
            if (found != null && found != country)
            {
                ambiguous = true;
                return null;
            }
            found = country;
        }
        return found;
    }

    /// <summary>The country of an actor code whose first three letters are a country ("MMRMIL" -> MMR); null for IGOs, NGOs and agents.</summary>
    public static string? CountryOf(CountryTable countries, string? code) =>
        code is { Length: >= 3 } && countries.ByIso3(code[..3]) != null ? code[..3] : null;

    /// <summary>
    /// "in Minsk", "near Aleppo": a place the text says something happens in (a country named as an actor, "criticized
    /// Cyprus", is found through its resolution instead).
    /// </summary>
    private static bool IsLocative(Sentence sentence, int head)
    {
        // "in Minsk and Moscow": a conjunct shares its first conjunct's preposition.
        while (sentence.Relations![head] == "conj" && sentence.Heads![head] > 0) head = sentence.Heads[head] - 1;
        for (int i = 0; i < sentence.Count; i++)
            if (sentence.Heads![i] - 1 == head && sentence.Relations![i] == "case"
                && sentence.Tokens[i].Text.ToLowerInvariant() is "in" or "at" or "near" or "inside" or "outside" or "across" or "throughout" or "around")
                return true;
        return false;
    }

    private static string? PlaceCountry(CountryTable countries, string text, Sentence sentence, int start, int end)
    {
        var name = text[sentence.Tokens[start].Start..sentence.Tokens[end - 1].End];
        return (countries.ByName(name) ?? countries.ByCapital(name) ?? countries.RegionToCountry(name))?.Iso3;
    }

    // The country table's lookups are case-insensitive, so a dateline's capitals ("NUR-SULTAN") need no folding.
    private static string? DatelineCountry(CountryTable countries, string? name) =>
        name == null ? null : (countries.ByName(name) ?? countries.ByCapital(name) ?? countries.RegionToCountry(name))?.Iso3;

    private sealed class MentionOrder : IComparer<(int Sentence, int Token, string Country)>
    {
        public static readonly MentionOrder Instance = new();
        public int Compare((int Sentence, int Token, string Country) x, (int Sentence, int Token, string Country) y) => x.Token.CompareTo(y.Token);
    }
}
