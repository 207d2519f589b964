using Dyad.Knowledge.Dictionaries;
using Dyad.Knowledge.Places;
using Dyad.Text;

namespace Dyad.Knowledge.Resolution;

/// <summary>
/// Resolves the noun phrase around a head token to a CAMEO actor code, in this order: (1) the longest dictionary
/// phrase covering the head with a code on the date; (2) a country name, capital (its government) or region (its
/// country); (3) an agent ("foreign minister", "police") combined with a country or actor modifier of the same phrase,
/// or the agent code alone; (4) when the head is unknown, its appositive. Conjunctions are left to the event coder.
/// See docs/actors.md, "Resolver".
/// </summary>
public sealed class ActorResolver
{
    private readonly ActorDictionary _dictionary;
    private readonly CountryTable _countries;

    public ActorResolver(ActorDictionary dictionary, CountryTable countries)
    {
        _dictionary = dictionary;
        _countries = countries;
    }

    public ActorDictionary Dictionary => _dictionary;
    public CountryTable Countries => _countries;

    /// <summary>The shipped dictionaries (Phoenix plus recent office holders) and country table, with an optional user dictionary layered over them.</summary>
    public static ActorResolver Load(string? userDictionaryPath = null)
    {
        var dictionary = CompiledDictionary.LoadShipped();
        if (userDictionaryPath != null) dictionary.Override(UserDictionary.Load(userDictionaryPath));
        return new ActorResolver(dictionary, Gazetteer.Shipped.Countries);
    }

    // The dependents that belong to a head's name or title ("Kazakh Foreign Minister Mukhtar Tleuberdi", "China 's
    // foreign ministry"); appositions and conjuncts are handled separately.
    private static bool IsPhraseRelation(string relation) =>
        relation is "compound" or "amod" or "flat" or "nmod:poss" || relation.StartsWith("compound:", StringComparison.Ordinal)
        || relation.StartsWith("flat:", StringComparison.Ordinal);

    /// <summary>
    /// The actor of the noun phrase headed by token <paramref name="headIndex"/> (0-based) on <paramref name="date"/>,
    /// or null. The sentence must carry the parser's <see cref="Sentence.Heads"/> and <see cref="Sentence.Relations"/>;
    /// <see cref="Sentence.Demonyms"/> is used when present.
    /// </summary>
    public ActorResolution? Resolve(Sentence sentence, int headIndex, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        if ((uint)headIndex >= (uint)sentence.Count)
            throw new ArgumentOutOfRangeException(nameof(headIndex), headIndex, $"the sentence has {sentence.Count} token(s)");
        if (sentence.Heads == null || sentence.Relations == null)
            throw new ArgumentException("the sentence has no parse (Heads/Relations are null); run the parser first", nameof(sentence));
        var phrase = CollectPhrase(sentence, headIndex);
        var resolved = ResolvePhrase(phrase, headIndex, date);
        // "police in Nigeria", "protesters from Xinjiang": an agent whose own phrase names no country takes the country
        // of the place its prepositional modifier names.
        if (resolved is { Rule: ActorResolution.AgentRule } && PlaceModifierCountry(sentence, headIndex, date) is { } place)
            resolved = ResolvePhrase(phrase, headIndex, date, place) ?? resolved;
        if (resolved != null && !IsOrganizationInsidePerson(sentence, resolved)) return resolved;
        for (int i = 0; i < sentence.Count; i++)
            if (sentence.Heads[i] - 1 == headIndex && sentence.Relations[i] == "appos")
            {
                var inner = Resolve(sentence, i, date);
                if (inner != null)
                    return inner with
                    {
                        Rule = ActorResolution.AppositionRule + ":" + inner.Rule,
                        Explanation = $"'{sentence.Tokens[headIndex].Text}' is unknown; its apposition resolves: {inner.Explanation}",
                    };
            }
        return null;
    }

    /// <summary>
    /// The actor of an agent phrase that names no country ("police", "the government") placed in
    /// <paramref name="country"/>, a country the surrounding text supplies (the coder's document context says which and
    /// <paramref name="why"/>): "police" in a story filed from Kabul is AFGCOP. Null when the phrase resolves any other
    /// way or its agent attaches before the actor code (NGO~, IGO~: such agents name no state).
    /// </summary>
    public ActorResolution? ResolveInCountry(Sentence sentence, int headIndex, DateOnly date, string country, string why)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        ArgumentNullException.ThrowIfNull(country);
        if (Resolve(sentence, headIndex, date) is not { Rule: ActorResolution.AgentRule }) return null;
        var phrase = CollectPhrase(sentence, headIndex);
        int head = phrase.FindIndex(w => w.Index == headIndex);
        if (head < 0 || FindAgent(phrase, head) is not { } agent || agent.Entry.Position != AgentPosition.Suffix) return null;
        var placed = ResolvePhrase(phrase, headIndex, date, new PlaceCountry(country, int.MaxValue, int.MinValue, why));
        return placed is { Rule: ActorResolution.AgentCountryRule }
            ? placed with { Rule = ActorResolution.AgentContextRule }
            : null;
    }

    // Organisation classes that head a CAMEO code (IGOUNO, NGOHRI); a person is never one of them.
    private static readonly string[] OrganizationHeads = ["IGO", "NGO", "NGM", "IMG", "MNC", "INT"];

    /// <summary>
    /// True when the words that resolved lie strictly inside a person's name the recognizer found and the code is an
    /// organisation: "Un" of "Kim Jong Un" read as the UN's abbreviation when the parse split the name.
    /// </summary>
    private static bool IsOrganizationInsidePerson(Sentence s, ActorResolution resolved)
    {
        if (s.Entities == null) return false;
        bool organization = false;
        foreach (var head in OrganizationHeads)
            if (resolved.Code.StartsWith(head, StringComparison.Ordinal)) organization = true;
        if (!organization) return false;
        foreach (var e in s.Entities)
            if (e.Type == "PER" && resolved.Start >= e.Start && resolved.End <= e.End && resolved.End - resolved.Start < e.End - e.Start)
                return true;
        return false;
    }

    /// <summary>Resolves a phrase written out ("China's foreign ministry", "Beijing"); its last word is taken as the head.</summary>
    public ActorResolution? ResolveText(string phrase, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        var words = phrase.Split((char[])[' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        var items = new List<PhraseWord>(words.Length);
        for (int i = 0; i < words.Length; i++)
        {
            var w = words[i];
            // A possessive marks a modifier ("China's"); the marker itself is not part of the name.
            if (w.EndsWith("'s", StringComparison.OrdinalIgnoreCase) || w.EndsWith("\u2019s", StringComparison.OrdinalIgnoreCase)) w = w[..^2];
            if (w.Length > 0) items.Add(new PhraseWord(i, w, null));
        }
        if (items.Count == 0) return null;
        return ResolvePhrase(items, items[^1].Index, date);
    }

    /// <summary>
    /// A person's title written out as words, read without a parse ("United States Secretary of State", "Kazakhstan
    /// 's foreign minister", "foreign minister of Kazakhstan"): an agent phrase plus a country or actor from the other
    /// words, combined as the <c>agent+country</c> rule does. Null when the words lack either. Possessive markers are
    /// skipped; positions in the result are indexes into <paramref name="words"/>.
    /// </summary>
    public TitleResolution? ResolveTitle(IReadOnlyList<string> words, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(words);
        var items = new List<PhraseWord>(words.Count);
        for (int i = 0; i < words.Count; i++)
            if (!IsPossessiveMarker(words[i])) items.Add(new PhraseWord(i, words[i], null));
        if (items.Count < 2) return null;
        var agent = FindAgent(items, items.Count - 1);
        if (agent == null) return null;
        var (agentStart, agentLength, entry) = agent.Value;
        var modifier = FindModifier(items, agentStart, agentLength, date);
        if (modifier == null) return null;
        var (code, modStart, modLength, why) = modifier.Value;
        int agentFrom = items[agentStart].Index, agentTo = items[agentStart + agentLength - 1].Index + 1;
        int first = Math.Min(agentFrom, items[modStart].Index);
        int last = Math.Max(agentTo - 1, items[modStart + modLength - 1].Index);
        var explanation = $"agent '{Join(items, agentStart, agentLength)}' {entry.Written} ({entry.Source}) attached to {why}";
        return new TitleResolution(new ActorResolution(Combine(code, entry), first, last + 1, ActorResolution.AgentCountryRule, explanation),
            agentFrom, agentTo);
    }

    private static bool IsPossessiveMarker(string word) => word is "'s" or "\u2019s";

    /// <summary>The head and its name/title dependents (recursively), in token order; "of" nmods keep their "of".</summary>
    private List<PhraseWord> CollectPhrase(Sentence s, int head)
    {
        var heads = s.Heads!;
        var relations = s.Relations!;
        var inPhrase = new bool[s.Count];
        inPhrase[head] = true;
        var stack = new Stack<int>();
        stack.Push(head);
        while (stack.Count > 0)
        {
            int h = stack.Pop();
            for (int i = 0; i < s.Count; i++)
            {
                if (heads[i] - 1 != h || inPhrase[i]) continue;
                var rel = relations[i];
                bool take = IsPhraseRelation(rel) || (rel == "nmod" && HasOfCase(s, i));
                // "of" inside "Secretary of State" belongs to the name; "'s" of a possessive does not.
                if (!take && rel == "case" && h != head && relations[h] == "nmod" && IsOf(s.Tokens[i].Text)) take = true;
                if (!take) continue;
                inPhrase[i] = true;
                stack.Push(i);
            }
        }
        var words = new List<PhraseWord>();
        for (int i = 0; i < s.Count; i++)
            if (inPhrase[i]) words.Add(new PhraseWord(i, s.Tokens[i].Text, DemonymCode(s, i)));
        return words;
    }

    /// <summary>
    /// The recognizer's demonym code for a token, overruled by the country table when that knows the word: the
    /// recognizer's list gives a demonym shared by several countries to whichever came first ("French" to the French
    /// Southern Territories), the country table to the sovereign state.
    /// </summary>
    private string? DemonymCode(Sentence s, int i)
    {
        var recognized = s.Demonyms?[i];
        if (recognized == null) return null;
        return _countries.ByDemonym(s.Tokens[i].Text)?.Iso3 ?? CameoCountryCodes.FromIso3(recognized);
    }

    private static bool HasOfCase(Sentence s, int nmod) => HasCase(s, nmod, "of");

    private static bool IsOf(string text) => text.Equals("of", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The country of a place named by an "in"/"from" modifier of the head ("police in Nigeria", "protesters in
    /// Beijing", "militants from Xinjiang"): a country, capital or region from the country table, nothing else.
    /// </summary>
    private PlaceCountry? PlaceModifierCountry(Sentence s, int head, DateOnly date)
    {
        for (int i = 0; i < s.Count; i++)
        {
            if (s.Heads![i] - 1 != head || s.Relations![i] != "nmod" || !HasCase(s, i, "in", "from")) continue;
            var words = CollectPhrase(s, i);
            var text = Join(words, 0, words.Count);
            var country = _countries.ByName(text) ?? _countries.ByCapital(text) ?? _countries.RegionToCountry(text);
            if (country != null)
                return new PlaceCountry(CameoCountryCodes.FromIso3(country.Iso3), words[0].Index, words[^1].Index + 1,
                    $"the place '{text}' in {country.Name}");
        }
        return null;
    }

    /// <summary>True when <paramref name="nominal"/> has a case marker that is <paramref name="first"/> or <paramref name="second"/>.</summary>
    private static bool HasCase(Sentence s, int nominal, string first, string? second = null)
    {
        for (int i = 0; i < s.Count; i++)
            if (s.Heads![i] - 1 == nominal && s.Relations![i] == "case"
                && (s.Tokens[i].Text.Equals(first, StringComparison.OrdinalIgnoreCase)
                    || (second != null && s.Tokens[i].Text.Equals(second, StringComparison.OrdinalIgnoreCase))))
                return true;
        return false;
    }

    private sealed record PlaceCountry(string Code, int Start, int End, string Why);

    private ActorResolution? ResolvePhrase(List<PhraseWord> words, int headIndex, DateOnly date, PlaceCountry? place = null)
    {
        int head = words.FindIndex(w => w.Index == headIndex);
        if (head < 0) return null;

        // 1 and 2: the longest span covering the head that the dictionary or the country table knows.
        for (int length = words.Count; length >= 1; length--)
            for (int start = Math.Max(0, head - length + 1); start <= head && start + length <= words.Count; start++)
            {
                var found = ResolveName(words, start, length, date);
                if (found != null) return found;
            }

        // 3: an agent somewhere in the phrase, with a country or actor from the other words.
        var agent = FindAgent(words, head);
        if (agent == null) return null;
        var (agentStart, agentLength, entry) = agent.Value;
        var agentText = Join(words, agentStart, agentLength);
        var agentWhy = $"agent '{agentText}' {entry.Written} ({entry.Source})";
        var modifier = FindModifier(words, agentStart, agentLength, date);
        if (modifier == null && place != null)
            return new ActorResolution(Combine(place.Code, entry), Math.Min(words[agentStart].Index, place.Start),
                Math.Max(words[agentStart + agentLength - 1].Index + 1, place.End), ActorResolution.AgentCountryRule, $"{agentWhy} located by {place.Why}");
        if (modifier == null)
            return new ActorResolution(entry.Code, words[agentStart].Index, words[agentStart + agentLength - 1].Index + 1,
                ActorResolution.AgentRule, agentWhy + " with no country in the phrase");
        var (code, modStart, modLength, why) = modifier.Value;
        var combined = Combine(code, entry);
        int first = Math.Min(words[agentStart].Index, words[modStart].Index);
        int last = Math.Max(words[agentStart + agentLength - 1].Index, words[modStart + modLength - 1].Index);
        return new ActorResolution(combined, first, last + 1, ActorResolution.AgentCountryRule, $"{agentWhy} attached to {why}");
    }

    private ActorResolution? ResolveName(List<PhraseWord> words, int start, int length, DateOnly date)
    {
        var text = Join(words, start, length);
        int from = words[start].Index, to = words[start + length - 1].Index + 1;
        var capital = _countries.ByCapital(text);
        foreach (var m in _dictionary.LookupActor(text, date))
        {
            if (m.Codes.Count == 0) continue;
            // The dictionaries list capitals as synonyms of the country ("Beijing" -> CHN); a capital standing for an
            // actor is its government, so the country table's reading wins over a bare country code.
            if (capital != null && m.Code!.Code == capital.Iso3) break;
            return new ActorResolution(m.Code!.Code, from, to, ActorResolution.DictionaryRule, m.Explain());
        }
        if (capital != null)
            return new ActorResolution(capital.Iso3 + "GOV", from, to, ActorResolution.CapitalRule,
                $"'{text}' is the capital of {capital.Name}: its government");
        var country = _countries.ByName(text);
        if (country != null)
            return new ActorResolution(country.Iso3, from, to, ActorResolution.CountryRule, $"'{text}' is the country {country.Name} in the country table");
        var region = _countries.RegionsNamed(text);
        if (region.Count > 0 && _countries.ByIso3(region[0].CountryIso3) is { } regionCountry)
            return new ActorResolution(regionCountry.Iso3, from, to, ActorResolution.RegionRule,
                $"'{text}' is the region {region[0]} of {regionCountry.Name}");
        return null;
    }

    /// <summary>The longest agent span in the phrase; among equal lengths the one nearest the head.</summary>
    private (int Start, int Length, AgentEntry Entry)? FindAgent(List<PhraseWord> words, int head)
    {
        for (int length = words.Count; length >= 1; length--)
        {
            (int, int, AgentEntry)? best = null;
            int bestDistance = int.MaxValue;
            for (int start = 0; start + length <= words.Count; start++)
            {
                var entries = _dictionary.LookupAgent(Join(words, start, length));
                if (entries.Count == 0) continue;
                int distance = head < start ? start - head : head >= start + length ? head - (start + length - 1) : 0;
                if (distance < bestDistance) { best = (start, length, entries[0]); bestDistance = distance; }
            }
            if (best != null) return best;
        }
        return null;
    }

    /// <summary>A country or actor named by the phrase words outside the agent: demonyms first, then names, longest first.</summary>
    private (string Code, int Start, int Length, string Why)? FindModifier(List<PhraseWord> words, int agentStart, int agentLength, DateOnly date)
    {
        for (int i = 0; i < words.Count; i++)
        {
            if (i >= agentStart && i < agentStart + agentLength) continue;
            var w = words[i];
            // Upper case is a country; the recognizer writes ethnic groups in lower case, which are not states.
            if (w.Demonym is { Length: 3 } d && char.IsUpper(d[0])) return (d, i, 1, $"demonym '{w.Text}' ({d})");
            if (_countries.ByDemonym(w.Text) is { } c) return (c.Iso3, i, 1, $"demonym '{w.Text}' of {c.Name}");
        }
        for (int length = words.Count; length >= 1; length--)
            for (int start = 0; start + length <= words.Count; start++)
            {
                if (start < agentStart + agentLength && start + length > agentStart) continue;
                var text = Join(words, start, length);
                if ((_countries.ByName(text) ?? _countries.ByCapital(text)) is { } country)
                    return (country.Iso3, start, length, $"country '{text}' ({country.Name})");
                var actor = _dictionary.ResolveActor(text, date);
                if (actor != null && actor.Codes.Count == 1) return (actor.Codes[0], start, length, actor.Explain());
            }
        return null;
    }

    /// <summary>
    /// PETRARCH's rule: "~GOV" follows the actor's code, "NGO~" precedes it; a code already there is not repeated. A
    /// modifier that is already more than a country ("Hamas militants", PSEREBHMS) keeps its own code: appending the
    /// agent would invent a sub-group code no dictionary or table defines.
    /// </summary>
    private static string Combine(string actor, AgentEntry agent)
    {
        if (actor.Length > 3) return actor;
        if (agent.Position == AgentPosition.Prefix)
            return actor.StartsWith(agent.Code, StringComparison.Ordinal) ? actor : agent.Code + actor;
        return actor.EndsWith(agent.Code, StringComparison.Ordinal) ? actor : actor + agent.Code;
    }

    private static string Join(List<PhraseWord> words, int start, int length)
    {
        if (length == 1) return words[start].Text;
        var parts = new string[length];
        for (int i = 0; i < length; i++) parts[i] = words[start + i].Text;
        return string.Join(' ', parts);
    }

    private readonly record struct PhraseWord(int Index, string Text, string? Demonym);
}

/// <summary>A title's actor (<see cref="ActorResolver.ResolveTitle"/>) and where its agent phrase lies ("Secretary of State").</summary>
public sealed record TitleResolution(ActorResolution Actor, int AgentStart, int AgentEnd);
