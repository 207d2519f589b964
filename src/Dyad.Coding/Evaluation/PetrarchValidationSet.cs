using Dyad.Coding.Coder;
using Dyad.Coding.Lexicon;
using Dyad.Coding.Ontology;
using Dyad.Knowledge.Dictionaries;
using Dyad.Knowledge.Places;
using Dyad.Knowledge.Resolution;

namespace Dyad.Coding.Evaluation;

/// <summary>
/// PETRARCH-2's unit-test folder: its records and the toy dictionaries they are coded with (fictional actors such as
/// ARN and GON, a verb dictionary with some WEIS-era codes). <see cref="CreateCoder"/> builds an <see cref="EventCoder"/>
/// that knows only those dictionaries.
/// </summary>
public sealed class PetrarchValidationSet
{
    public const string VerbsFile = "PETR.Validate.verbs.txt";
    public static readonly string[] ActorDictionaryFiles = ["PETR.Validate.actors.txt", "PETR.Validate.agents.txt", "PETR.Validate.discards.txt"];

    private PetrarchValidationSet(string directory, List<PetrarchRecord> records, ActorDictionary actors, VerbLexicon verbs)
    {
        Directory = directory;
        Records = records;
        Actors = actors;
        Verbs = verbs;
        // No country table: the records' world is fictional, and real country names must not add actors to it.
        Resolver = new ActorResolver(actors, new CountryTable([], []));
    }

    public string Directory { get; }
    public IReadOnlyList<PetrarchRecord> Records { get; }
    public ActorDictionary Actors { get; }
    public VerbLexicon Verbs { get; }
    public ActorResolver Resolver { get; }

    /// <summary>Reads the records and dictionaries; a missing file or malformed record file throws with its path.</summary>
    public static PetrarchValidationSet Load(string directory)
    {
        var recordsPath = Path.Combine(directory, PetrarchRecords.RecordsFile);
        foreach (var file in ActorDictionaryFiles.Append(VerbsFile).Prepend(PetrarchRecords.RecordsFile))
            if (!File.Exists(Path.Combine(directory, file))) throw new FileNotFoundException($"{Path.Combine(directory, file)} not found");
        var actors = new ActorDictionary();
        foreach (var file in ActorDictionaryFiles) ShippedDictionaries.ReadFile(Path.Combine(directory, file), actors);
        var builder = new LexiconBuilder();
        PetrarchImporter.Import(Path.Combine(directory, VerbsFile), builder);
        return new PetrarchValidationSet(directory, PetrarchRecords.Read(recordsPath), actors, builder.Build());
    }

    /// <summary>
    /// A coder with the validation actor, agent and discard dictionaries, no country table (the records' world is
    /// fictional) and the validation verbs. Codes the CAMEO ontology lacks (the verbs file keeps WEIS-era codes such as
    /// 903 and 345, which the records expect) are added as bare event types so the coder can emit them.
    /// </summary>
    /// <param name="convention">PETRARCH's own by default: the records were coded by PETRARCH, which codes "will meet"
    /// as the meeting and a negated or modal verb as the verb unless a pattern names the negation or modal.</param>
    public EventCoder CreateCoder(CodingConvention convention = CodingConvention.Petrarch) =>
        new(Verbs, WithCodesOf(Verbs, EventOntology.Load()), Resolver, convention);

    private static EventOntology WithCodesOf(VerbLexicon lexicon, EventOntology ontology)
    {
        var types = new List<EventType>(ontology.All);
        var added = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in lexicon.Entries)
            foreach (var code in new[] { entry.Code, entry.PairedCode })
                if (code != null && !ontology.Contains(code) && added.Add(code))
                    types.Add(new EventType(code, "PETRARCH validation code", code.Length >= 2 ? code[..2] : code, 0, 0, "", ""));
        return new EventOntology(types);
    }
}
