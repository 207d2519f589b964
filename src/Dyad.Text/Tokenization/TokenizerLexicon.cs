namespace Dyad.Text.Tokenization;

/// <summary>How an abbreviation that keeps its period behaves at a possible sentence end.</summary>
internal enum AbbreviationKind : byte
{
    /// <summary>Not an abbreviation: a following period is split off.</summary>
    None = 0,
    /// <summary>Always followed by more of the same sentence (titles, months: "Gen. Smith", "Feb. 3").</summary>
    Title,
    /// <summary>Often ends a sentence ("Acme Inc.", "in Springfield, Ill.", "and so on, etc.").</summary>
    CanEnd,
    /// <summary>Only an abbreviation before a number ("No. 5", "Art. 3", "pp. 4-6").</summary>
    BeforeNumber,
}

/// <summary>
/// Hand-written word lists for English tokenization and sentence splitting. They follow the UD English-EWT
/// conventions (checked against the EWT training split) but are general English and news vocabulary, not
/// lists of EWT sentences.
/// </summary>
internal static class TokenizerLexicon
{
    private static readonly Dictionary<string, AbbreviationKind> Abbreviations = BuildAbbreviations();
    private static readonly Dictionary<string, AbbreviationKind>.AlternateLookup<ReadOnlySpan<char>> AbbreviationLookup =
        Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();

    private static Dictionary<string, AbbreviationKind> BuildAbbreviations()
    {
        var d = new Dictionary<string, AbbreviationKind>(StringComparer.Ordinal);
        void Add(AbbreviationKind kind, string words)
        {
            foreach (var w in words.Split(' ', StringSplitOptions.RemoveEmptyEntries)) d[w] = kind;
        }
        Add(AbbreviationKind.Title,
            "Mr Mrs Ms Messrs Mmes Dr Drs Prof Profs Gen Lt Col Maj Capt Cmdr Cmdt Adm Sgt Cpl Pvt Brig Spc Sen Sens Rep Reps " +
            "Gov Govs Pres Rev Revs Hon Fr Msgr Amb Atty Supt Insp Det Mt Ft Gens Pfc Cdr Lieut Sra Mme Mlle " +
            "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Tues Wed Thu Thur Thurs Fri Sat " +
            "approx appt dept est vs viz cf ca");
        Add(AbbreviationKind.CanEnd,
            "Inc Corp Co Cos Ltd Bros Jr Esq Plc plc Ave Blvd Rd St Sts Hwy Pkwy Dept Univ Assn Gov't gov't " +
            "Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss Mo Mont Neb Nev Okla Ore " +
            "Pa Penn Tenn Tex Va Vt Wash Wis Wyo etc al Sr mins hrs yrs");
        Add(AbbreviationKind.BeforeNumber, "No Nos no nos Art Arts Vol Vols vol Fig Figs fig pp p Ch ch Para para Sec Nr nr");
        return d;
    }

    public static AbbreviationKind AbbreviationOf(ReadOnlySpan<char> word) =>
        AbbreviationLookup.TryGetValue(word, out var kind) ? kind : AbbreviationKind.None;

    private static readonly HashSet<string> HyphenPrefixes = new(
        ("e non pre post pro anti co re ex mid multi semi sub over neo cross micro psycho un inter intra counter de bi tri " +
        "ultra mega macro pseudo quasi trans hyper cyber infra extra").Split(' '), StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> HyphenPrefixLookup =
        HyphenPrefixes.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Prefixes that EWT keeps attached by their hyphen ("non-profit", "e-mail", "post-war").</summary>
    public static bool IsHyphenPrefix(ReadOnlySpan<char> word) => HyphenPrefixLookup.Contains(word);

    // Measurement units split from a preceding number, as EWT does ("5kg" -> "5 kg", "$170m" -> "$ 170 m").
    // Case-sensitive so that "3M" stays "3 M" but ordinal suffixes and decades ("3rd", "1980s") are untouched.
    private static readonly HashSet<string> Units = new(
        ("k K m M mm bn b B tn kg g mg lb lbs oz km mi ft cm ml l L pm am PM AM mph kph kmh yr yrs hr hrs h min mins sec secs " +
         "GB MB KB TB Gb Mb kb gb mb tb GHz MHz kHz Hz mAh V W kW MW GW kWh MWh GWh x X p.m a.m").Split(' '), StringComparer.Ordinal);
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> UnitLookup = Units.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool IsUnit(ReadOnlySpan<char> word) => UnitLookup.Contains(word);

    // Contractions written without an apostrophe (or fused), with where EWT splits them: "cannot" -> "can not".
    private static readonly Dictionary<string, int> FusedWords = BuildFusedWords();
    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> FusedLookup = FusedWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private static Dictionary<string, int> BuildFusedWords()
    {
        var d = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
        {
            ["cannot"] = 3, ["gonna"] = 3, ["wanna"] = 3, ["gotta"] = 3, ["gimme"] = 3, ["lemme"] = 3,
            ["im"] = 1, ["ive"] = 1, ["youre"] = 3, ["theyre"] = 4, ["thats"] = 4, ["theres"] = 5, ["whats"] = 4,
        };
        foreach (var w in "dont didnt doesnt cant wont isnt wasnt arent werent havent hasnt hadnt couldnt wouldnt shouldnt aint".Split(' '))
            d[w] = w.Length - 2;
        return d;
    }

    /// <summary>Where a fused contraction splits (length of its first part), or 0.</summary>
    public static int FusedSplit(ReadOnlySpan<char> word) => FusedLookup.TryGetValue(word, out int at) ? at : 0;

    private static readonly HashSet<string> TopLevelDomains = new(
        ("com org net gov edu mil int info biz io co uk us ca de fr ru cn jp in au nz ie it es nl be ch at se no dk fi pl " +
         "br mx ar za ng ke eg il ir iq sy tr ua kz pk af bd lk sg hk tw kr my ph id vn th ly me tv fm news online site " +
         "org.uk co.uk ac eu asia app dev ai ws cc to gl gd").Split(' '), StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> TldLookup = TopLevelDomains.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool IsTopLevelDomain(ReadOnlySpan<char> label) => TldLookup.Contains(label);
}
