using Dyad.Coding.Setting;
using Dyad.Knowledge.Places;
using Dyad.Text;

namespace Dyad.Coding.Places;

/// <summary>
/// Places an event: the place a locative phrase of its predicate names ("in Almaty", "at a rally in Lagos", "near
/// Aleppo"), else the dateline's city, else the actors' shared country; names resolved with the gazetteer. See
/// docs/coding.md "Places".
/// </summary>
public sealed class EventPlacer
{
    // Prepositions that put an action somewhere; "at" and "during" may also introduce an occasion that is itself
    // placed ("at a rally in Lagos", "during a visit in Almaty").
    private static readonly HashSet<string> Locative = new(["in", "at", "near", "outside", "inside", "across", "throughout", "around"], StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> Occasion = new(["at", "during", "on"], StringComparer.OrdinalIgnoreCase);
    // Common nouns that head a place name ("China's Xinjiang region", "the city of Aleppo").
    private static readonly HashSet<string> PlaceNouns = new(
        ["region", "province", "city", "capital", "town", "village", "state", "district", "county", "area", "oblast", "governorate", "port"],
        StringComparer.OrdinalIgnoreCase);

    private const int MajorPopulation = 1_000_000;
    private const int ProminentPopulation = 100_000;

    private readonly Gazetteer _gazetteer;
    private readonly Dictionary<(string Country, string Code), string> _regionNames = new();
    private readonly Dictionary<string, PlaceCandidate> _capitals = new(StringComparer.Ordinal);

    public EventPlacer(Gazetteer gazetteer)
    {
        _gazetteer = gazetteer;
        foreach (var region in gazetteer.Countries.Regions) _regionNames.TryAdd((region.CountryIso3, region.Admin1Code), region.Name);
        // Countries carry no coordinates in the index; a country-level place takes its capital's.
        foreach (var country in gazetteer.Countries.Countries)
            foreach (var capital in country.Capitals)
                foreach (var candidate in gazetteer.Lookup(capital))
                    if (candidate.Kind == PlaceKind.Place && candidate.FeatureCode == "PPLC" && candidate.CountryIso3 == country.Iso3)
                        _capitals.TryAdd(country.Iso3, candidate);
    }

    public CountryTable Countries => _gazetteer.Countries;

    /// <summary>
    /// Where the event with predicate token <paramref name="predicate"/> took place. <paramref name="actorTokens"/> are
    /// the heads of its source and target, which are never read as places; <paramref name="actorCodes"/> their CAMEO
    /// codes, whose countries break ties between places of the same name. Null when nothing supports a place.
    /// </summary>
    public EventLocation? Place(Sentence sentence, string text, int predicate, ReadOnlySpan<int> actorTokens, ReadOnlySpan<string?> actorCodes, Dateline? dateline)
    {
        var countries = ActorCountries(actorCodes);
        return InSentence(sentence, text, predicate, actorTokens, countries)
            ?? (dateline != null ? FromDateline(dateline, countries) : null)
            ?? SharedCountry(actorCodes);
    }

    /// <summary>The place named by a locative phrase of the predicate, or of the clauses it shares a setting with (xcomp, conj).</summary>
    public EventLocation? InSentence(Sentence sentence, string text, int predicate, ReadOnlySpan<int> actorTokens, IReadOnlyCollection<string> countries)
    {
        if (sentence.Heads == null || sentence.Relations == null || (uint)predicate >= (uint)sentence.Count) return null;
        int node = predicate;
        for (int depth = 0; depth < 6 && node >= 0; depth++)
        {
            if (Locate(sentence, text, node, actorTokens, countries, nested: true) is { } place) return place;
            // The parser often hangs the locative on the object ("shelled the town near Aleppo", "arrested
            // protesters in Almaty"): where the patient is, the action is.
            for (int c = 0; c < sentence.Count; c++)
                if (sentence.Heads[c] - 1 == node && sentence.Relations[c] is "obj" or "iobj"
                    && Locate(sentence, text, c, actorTokens, countries, nested: false) is { } onObject)
                    return onObject;
            // A participial clause sharing the subject sets the scene: "urged X to join, speaking in Nur-Sultan".
            for (int c = 0; c < sentence.Count; c++)
                if (sentence.Heads[c] - 1 == node && sentence.Relations[c] == "advcl" && IsParticiple(sentence, c)
                    && Locate(sentence, text, c, actorTokens, countries, nested: true) is { } inScene)
                    return inScene;
            var relation = sentence.Relations[node];
            bool nounPredicate = depth == 0 && sentence.Upos != null && sentence.Upos[node] != "VERB";
            if (!nounPredicate && relation is not ("xcomp" or "conj")) break;
            node = sentence.Heads[node] - 1;
        }
        return null;
    }

    private EventLocation? Locate(Sentence sentence, string text, int head, ReadOnlySpan<int> actorTokens, IReadOnlyCollection<string> countries, bool nested)
    {
        var heads = sentence.Heads!;
        var relations = sentence.Relations!;
        for (int c = 0; c < sentence.Count; c++)
        {
            if (heads[c] - 1 != head || actorTokens.Contains(c)) continue;
            var relation = relations[c];
            if (!(relation.StartsWith("obl", StringComparison.Ordinal) || (relation.StartsWith("nmod", StringComparison.Ordinal) && relation != "nmod:poss"))) continue;
            var preposition = CaseMarker(sentence, c);
            if (preposition == null) continue;
            if (Locative.Contains(preposition) && Name(sentence, text, c, countries) is { } place) return place;
            if (nested && Occasion.Contains(preposition) && Locate(sentence, text, c, actorTokens, countries, nested: false) is { } inner) return inner;
        }
        return null;
    }

    /// <summary>An -ing or -ed clause without its own subject or subordinator ("speaking in ...", "visiting ...").</summary>
    private static bool IsParticiple(Sentence sentence, int verb)
    {
        if (sentence.Xpos != null && sentence.Xpos[verb] is not ("VBG" or "VBN")) return false;
        for (int i = 0; i < sentence.Count; i++)
            if (sentence.Heads![i] - 1 == verb && sentence.Relations![i] is "nsubj" or "nsubj:pass" or "mark") return false;
        return true;
    }

    private static string? CaseMarker(Sentence sentence, int head)
    {
        for (int i = 0; i < sentence.Count; i++)
            if (sentence.Heads![i] - 1 == head && sentence.Relations![i] == "case") return sentence.Tokens[i].Text;
        return null;
    }

    /// <summary>The place a noun phrase names: its proper-name words ("Nur-Sultan", "New York"), else a name under a place noun ("China's Xinjiang region").</summary>
    private EventLocation? Name(Sentence sentence, string text, int head, IReadOnlyCollection<string> countries)
    {
        var tokens = sentence.Tokens;
        if (IsName(sentence, head))
        {
            var entity = EntityAt(sentence, head);
            // "in Congress", "at Reuters": the recognizer read an organization or a person, not a place.
            if (entity is { Type: "ORG" or "PER" }) return null;
            int start = head, end = head + 1;
            if (entity is { Type: "LOC" } location) (start, end) = (location.Start, location.End);
            // Widen over the name's own words directly before it ("New York", "Nur - Sultan" split by the tokenizer).
            else
            {
                while (start > 0 && sentence.Heads![start - 1] - 1 == head && IsNameRelation(sentence.Relations![start - 1]) && IsName(sentence, start - 1)) start--;
                // ... and over a hyphenated tail the parser made flat ("Nur - Sultan").
                while (end + 1 < sentence.Count && sentence.Tokens[end].Text == "-" && !sentence.Tokens[end - 1].SpaceAfter
                       && sentence.Heads![end + 1] - 1 == head && sentence.Relations![end + 1].StartsWith("flat", StringComparison.Ordinal))
                    end += 2;
            }
            var candidate = Choose(text.AsSpan(tokens[start].Start, tokens[end - 1].End - tokens[start].Start), countries);
            // A name the recognizer did not mark as a place must be a prominent one: a capitalized word such as
            // "Council" is also a village somewhere.
            if (candidate == null || !Believable(candidate, entity, countries)) return null;
            return ToLocation(candidate);
        }
        if (!PlaceNouns.Contains(tokens[head].Text) && !PlaceNouns.Contains(sentence.Lemmas?[head] ?? "")) return null;
        // The noun's own name ("Xinjiang region", "the city of Aleppo") before its owner ("China's").
        foreach (var relation in (string[])["compound", "nmod", "nmod:poss"])
            for (int i = 0; i < sentence.Count; i++)
                if (sentence.Heads![i] - 1 == head && sentence.Relations![i] == relation && IsName(sentence, i)
                    && Name(sentence, text, i, countries) is { } place)
                    return place;
        return null;
    }

    private static bool IsNameRelation(string relation) =>
        relation is "compound" or "amod" || relation.StartsWith("flat", StringComparison.Ordinal);

    private static bool IsName(Sentence sentence, int i) =>
        (sentence.Upos == null || sentence.Upos[i] is "PROPN" or "ADJ" or "NOUN") && sentence.Tokens[i].Text.Length > 0 && char.IsUpper(sentence.Tokens[i].Text[0]);

    /// <summary>
    /// Resolves a place name. A country, a national capital or a city of a million keeps the gazetteer's first reading
    /// (that is what news means by "Paris"); a smaller name prefers a reading in one of <paramref name="countries"/>,
    /// the most populous there.
    /// </summary>
    public EventLocation? Resolve(ReadOnlySpan<char> name, IReadOnlyCollection<string> countries) =>
        Choose(name, countries) is { } candidate ? ToLocation(candidate) : null;

    private PlaceCandidate? Choose(ReadOnlySpan<char> name, IReadOnlyCollection<string> countries)
    {
        var candidates = _gazetteer.Lookup(name);
        if (candidates.Count == 0) return null;
        var top = candidates[0];
        if (top.Kind == PlaceKind.Country || countries.Contains(top.CountryIso3)) return top;
        PlaceCandidate? best = null;
        foreach (var candidate in candidates)
        {
            if (!countries.Contains(candidate.CountryIso3)) continue;
            if (best == null) best = candidate;
            else if (best.Kind == PlaceKind.Place && candidate.Kind == PlaceKind.Place && candidate.Population > best.Population) best = candidate;
        }
        // A major first reading (a national capital, a city of a million) gives way only to a reading in the actors'
        // country of at least a tenth of its size: "Hamilton" for Canadians is Ontario's, not Bermuda's capital,
        // while "Paris" stays in France for Americans.
        bool topIsMajor = top.Kind == PlaceKind.Place && (top.FeatureCode == "PPLC" || top.Population >= MajorPopulation);
        if (best == null || (topIsMajor && (long)best.Population * 10 < top.Population)) return top;
        return best;
    }

    /// <summary>
    /// Whether a resolved name is taken as the event's place. A prominent place always is. A small one needs support:
    /// the recognizer marked it as a place and, when it marked a single word, the place lies in one of the actors'
    /// countries. One capitalized word after "in" looks like a place to the recognizer, and institutions ("Council",
    /// "Congress") share their names with villages somewhere.
    /// </summary>
    private static bool Believable(PlaceCandidate candidate, EntitySpan? entity, IReadOnlyCollection<string> countries)
    {
        if (IsProminent(candidate)) return true;
        if (entity is not { Type: "LOC" } location) return false;
        return location.End - location.Start > 1 || countries.Contains(candidate.CountryIso3);
    }

    private static bool IsProminent(PlaceCandidate candidate) =>
        candidate.Kind != PlaceKind.Place || candidate.FeatureCode is "PPLC" or "PPLA" || candidate.Population >= ProminentPopulation;

    private static EntitySpan? EntityAt(Sentence sentence, int token)
    {
        if (sentence.Entities == null) return null;
        foreach (var entity in sentence.Entities)
            if (entity.Start <= token && token < entity.End) return entity;
        return null;
    }

    /// <summary>The dateline's city, read in the dateline's own country ("KABUL, Afghanistan") or else the actors'.</summary>
    public EventLocation? FromDateline(Dateline dateline, IReadOnlyCollection<string> countries)
    {
        if (dateline.Region != null && (Countries.ByName(dateline.Region) ?? Countries.RegionToCountry(dateline.Region)) is { } country)
            countries = [country.Iso3];
        return Resolve(dateline.Place, countries);
    }

    /// <summary>When source and target belong to one country (a domestic event), that country without a named place.</summary>
    public EventLocation? SharedCountry(ReadOnlySpan<string?> actorCodes)
    {
        string? shared = null;
        foreach (var code in actorCodes)
        {
            if (CountryOf(code) is not { } country) return null;
            if (shared != null && shared != country) return null;
            shared = country;
        }
        return shared == null ? null : new EventLocation { Country = shared };
    }

    /// <summary>The countries of the actors' CAMEO codes ("USAGOV" -> USA); codes that start with no country add none.</summary>
    public IReadOnlyCollection<string> ActorCountries(ReadOnlySpan<string?> actorCodes)
    {
        var result = new List<string>(2);
        foreach (var code in actorCodes)
            if (CountryOf(code) is { } country && !result.Contains(country)) result.Add(country);
        return result;
    }

    private string? CountryOf(string? code) =>
        code is { Length: >= 3 } && Countries.ByIso3(code[..3]) is { } country ? country.Iso3 : null;

    private EventLocation ToLocation(PlaceCandidate candidate) => candidate.Kind switch
    {
        PlaceKind.Country => new EventLocation
        {
            Name = candidate.Name,
            Country = candidate.CountryIso3,
            Lat = _capitals.TryGetValue(candidate.CountryIso3, out var capital) ? Coordinate(capital.Latitude) : null,
            Lon = capital != null ? Coordinate(capital.Longitude) : null,
        },
        PlaceKind.Region => new EventLocation { Name = candidate.Name, Country = candidate.CountryIso3, Admin1 = candidate.Name },
        _ => new EventLocation
        {
            Name = candidate.Name,
            Country = candidate.CountryIso3,
            Admin1 = _regionNames.GetValueOrDefault((candidate.CountryIso3, candidate.Admin1Code)),
            Lat = Coordinate(candidate.Latitude),
            Lon = Coordinate(candidate.Longitude),
            GeonamesId = candidate.GeonamesId,
        },
    };

    // Four decimals (about 10 m) is the precision GeoNames publishes; more digits from the float would be noise.
    private static double? Coordinate(float degrees) => float.IsNaN(degrees) ? null : Math.Round(degrees, 4);
}
