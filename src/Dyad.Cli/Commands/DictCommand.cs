using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Dyad.Knowledge;
using Dyad.Knowledge.Actors;
using Dyad.Knowledge.Dictionaries;
using Dyad.Knowledge.Learning;
using Dyad.Knowledge.Places;
using Dyad.Text;

namespace Dyad.Cli.Commands;

/// <summary>`dyad dict`: compile the shipped dictionaries and gazetteer, check dictionary files, look names up.</summary>
internal static class DictCommand
{
    public const string DefaultShared = "../shared/data";

    public static Command Create()
    {
        var command = new Command("dict", "Actor dictionaries and places: import (compile), check, lookup.");
        command.Subcommands.Add(Import());
        command.Subcommands.Add(Check());
        command.Subcommands.Add(Lookup());
        return command;
    }

    private static Command Import()
    {
        var shared = new Option<string>("--shared") { Description = $"Shared data folder (default {DefaultShared}, from the repository root).", DefaultValueFactory = _ => DefaultShared };
        var output = new Option<string>("--out") { Description = "Folder to write the compiled files to (default models/ at the repository root).", DefaultValueFactory = _ => "models" };
        var command = new Command("import", "Compile the Phoenix actor/agent/discard dictionaries, the CAMEO code tables and the gazetteer into models/.") { shared, output };
        command.SetAction(parse =>
        {
            var o = parse.InvocationConfiguration.Output;
            var err = parse.InvocationConfiguration.Error;
            var sharedRoot = DataPaths.Resolve(parse.GetValue(shared)!);
            if (!Directory.Exists(Path.Combine(sharedRoot, ShippedDictionaries.SourceFolder)))
            {
                err.WriteLine($"dyad dict import: {Path.Combine(sharedRoot, ShippedDictionaries.SourceFolder)} not found");
                return 2;
            }
            var outDir = parse.GetValue(output)!;
            if (!Path.IsPathRooted(outDir)) outDir = Path.Combine(RepositoryRootOrCurrent(), outDir);
            Directory.CreateDirectory(outDir);
            var watch = Stopwatch.StartNew();

            var dict = ShippedDictionaries.ReadPhoenix(sharedRoot);
            var dictPath = Path.Combine(outDir, ModelFiles.ActorDictionary);
            CompiledDictionary.Save(dict, dictPath);
            int errors = dict.Problems.Count(p => p.Severity == ProblemSeverity.Error);
            o.WriteLine($"{dictPath}: {dict.ActorPhraseCount:N0} actor phrases, {dict.AgentPhraseCount:N0} agent phrases, {dict.DiscardCount:N0} discards; " +
                        $"{errors} malformed line(s) skipped, {dict.Problems.Count - errors} warning(s) (see 'dyad dict check'); {new FileInfo(dictPath).Length:N0} bytes");

            var gazetteer = PlaceCompiler.Compile(sharedRoot);
            var codesPath = Path.Combine(outDir, ModelFiles.CameoCodes);
            CameoCodeTable.FromGdeltLookups(Path.Combine(sharedRoot, "cameo", "gdelt-lookups"), gazetteer.Countries.Countries.Select(c => (c.Iso3, c.Name))).Save(codesPath);
            o.WriteLine($"{codesPath}: {new FileInfo(codesPath).Length:N0} bytes");
            var placesPath = Path.Combine(outDir, Gazetteer.FileName);
            gazetteer.Save(placesPath);
            o.WriteLine($"{placesPath}: {gazetteer.Countries.Countries.Count} countries, {gazetteer.Countries.Regions.Count:N0} regions, {gazetteer.PlaceCount:N0} places, {gazetteer.NameCount:N0} names; {new FileInfo(placesPath).Length:N0} bytes");
            o.WriteLine($"done in {watch.Elapsed.TotalSeconds:F1} s");
            return 0;
        });
        return command;
    }

    private static Command Check()
    {
        var files = new Argument<string[]>("FILE") { Description = "Dictionary files: *actors* (PETRARCH actors), *agents*, *discards*, or *.tsv or *.yaml (Dyad user dictionary).", Arity = ArgumentArity.OneOrMore };
        var command = new Command("check", "Report every malformed line (file:line) of dictionary files; exit 1 if any line is in error.") { files };
        command.SetAction(parse =>
        {
            var o = parse.InvocationConfiguration.Output;
            var err = parse.InvocationConfiguration.Error;
            int errors = 0, warnings = 0;
            foreach (var file in parse.GetValue(files)!)
            {
                if (!File.Exists(file)) { err.WriteLine($"{file}: error: file not found"); errors++; continue; }
                var dict = new ActorDictionary();
                IReadOnlyList<DictionaryProblem> problems;
                if (ShippedDictionaries.KindOf(file) == ShippedDictionaries.DictionaryKind.User)
                {
                    var user = UserDictionary.Load(file);
                    dict.Override(user);
                    problems = user.Problems;
                }
                else
                {
                    ShippedDictionaries.ReadFile(file, dict);
                    problems = dict.Problems;
                }
                foreach (var p in problems)
                {
                    o.WriteLine(p.ToString());
                    if (p.Severity == ProblemSeverity.Error) errors++; else warnings++;
                }
                o.WriteLine($"{file}: {ShippedDictionaries.KindOf(file)}: {dict.ActorPhraseCount} actor phrases, {dict.AgentPhraseCount} agent phrases, {dict.DiscardCount} discards; " +
                            $"{problems.Count(p => p.Severity == ProblemSeverity.Error)} error(s), {problems.Count(p => p.Severity == ProblemSeverity.Warning)} warning(s)");
            }
            o.WriteLine(errors == 0 ? $"ok ({warnings} warning(s))" : $"{errors} error(s), {warnings} warning(s)");
            return errors == 0 ? 0 : 1;
        });
        return command;
    }

    private static Command Lookup()
    {
        var name = new Argument<string>("NAME") { Description = "A name as written in text (any case and punctuation), e.g. \"Mike Pompeo\"." };
        var date = new Option<string>("--date") { Description = "The story date (YYYY-MM-DD); dated roles are resolved for this day.", Required = true };
        var user = new Option<string[]>("--user") { Description = "User dictionary file(s) (.tsv or .yaml) whose entries replace the shipped ones for the same names.", AllowMultipleArgumentsPerToken = true };
        var dictFile = new Option<string?>("--dict") { Description = "Compiled dictionary to use instead of the shipped ones (models/actors.dict.tsv.gz with models/actors.recent.tsv over it)." };
        var learnedStore = new Option<string?>("--store") { Description = "Event store whose learned actors (people the ingested news named with a role) are also consulted.", HelpName = "store" };
        var command = new Command("lookup", "Print the actor/agent codes a name has on a date, and which dictionary line and rule gave each.") { name, date, user, dictFile, learnedStore };
        command.SetAction(parse =>
        {
            var o = parse.InvocationConfiguration.Output;
            var err = parse.InvocationConfiguration.Error;
            if (!DictionaryDate.TryParse(parse.GetValue(date)!, out var day))
            {
                err.WriteLine($"dyad dict lookup: bad --date '{parse.GetValue(date)}' (expected YYYY-MM-DD)");
                return 2;
            }
            ActorDictionary dict;
            try
            {
                dict = parse.GetValue(dictFile) is { } compiled ? CompiledDictionary.Load(compiled) : CompiledDictionary.LoadShipped();
                foreach (var file in parse.GetValue(user) ?? [])
                {
                    var u = UserDictionary.Load(file);
                    foreach (var p in u.Problems) err.WriteLine(p.ToString());
                    dict.Override(u);
                }
            }
            catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException or InvalidDataException)
            {
                err.WriteLine($"dyad dict lookup: {e.Message}");
                return 2;
            }
            var text = parse.GetValue(name)!;
            var key = PhraseNormalizer.Normalize(text);
            o.WriteLine($"name: {text} (key '{key}'), date {day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
            int found = 0;
            var matches = dict.LookupActor(text, day);
            bool chosen = false;
            foreach (var m in matches)
            {
                found++;
                var mark = !chosen && m.Code != null ? "=>" : "  ";
                if (m.Code != null) chosen = true;
                o.WriteLine($"{mark} actor {(m.Code == null ? "(no code)" : m.Code.Code)}  {m.Explain()}");
            }
            foreach (var a in dict.LookupAgent(text))
            {
                found++;
                o.WriteLine($"   agent {a.Written}  '{a.Phrase}' at {a.Source} ({a.Rule}{(a.RootPhrase != a.Phrase ? $" of '{a.RootPhrase}'" : "")}); {(a.Position == AgentPosition.Suffix ? "added after" : "added before")} the actor's code");
            }
            if (parse.GetValue(learnedStore) is { } storePath)
            {
                using var events = StoreOption.Open(storePath, mustExist: true, err);
                if (events is null) return 2;
                var learned = new LearnedActorStore();
                learned.Add(events.ReadLearnedActors());
                foreach (var a in learned.Lookup(text, day))
                {
                    found++;
                    var mark = !chosen ? "=>" : "  ";
                    chosen = true;
                    var evidence = a.Evidence[0];
                    // Whether the news agrees with the dictionary answer printed above, on the asked date.
                    var agreement = DictionaryAgreement.Of(a, dict, day);
                    o.WriteLine($"{mark} learned {a.Code}  '{a.Name}', {a.Title}, seen {a.FirstSeen:yyyy-MM-dd} to {a.LastSeen:yyyy-MM-dd} " +
                        $"(applies {LearnedActorStore.ValidFrom(a):yyyy-MM-dd} to {LearnedActorStore.ValidTo(a):yyyy-MM-dd}); {agreement.Describe()}; evidence {evidence.DocumentId}#{evidence.SentenceIndex}");
                    o.WriteLine($"     \"{evidence.Text}\"{(a.Evidence.Count > 1 ? $" (and {a.Evidence.Count - 1} more sentence(s))" : "")}");
                }
            }
            var discard = dict.LookupDiscard(text);
            if (discard != null) { found++; o.WriteLine($"   discard  '{discard.Phrase}' at {discard.Source}: a {(discard.WholeStory ? "story" : "sentence")} containing it is not coded"); }
            try
            {
                found += PrintPlaces(o, text);
                found += PrintCodeLabels(o, text);
            }
            catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException or InvalidDataException)
            {
                err.WriteLine($"dyad dict lookup: {e.Message}");
                return 2;
            }
            if (found == 0) o.WriteLine("not found");
            return found == 0 ? 1 : 0;
        });
        return command;
    }

    private static int PrintCodeLabels(TextWriter o, string text)
    {
        string path;
        try { path = ModelFiles.Find(ModelFiles.CameoCodes); }
        catch (FileNotFoundException) { return 0; }
        int found = 0;
        foreach (var s in CameoCodeTable.Load(path).ByLabel(text))
        {
            found++;
            o.WriteLine($"   cameo {s.Code}  {s.Kind} code labelled '{s.Label}' (CAMEO code table)");
        }
        return found;
    }

    private static int PrintPlaces(TextWriter o, string text)
    {
        string path;
        try { path = ModelFiles.Find(Gazetteer.FileName); }
        catch (FileNotFoundException) { return 0; }
        var gazetteer = GazetteerCache.Get(path);
        var countries = gazetteer.Countries;
        int found = 0;
        void Line(string what, Country? c) { if (c != null) { found++; o.WriteLine($"   country {c.Iso3}  {what} of {c.Name} (places index)"); } }
        Line("a name", countries.ByName(text));
        Line("a demonym/adjective", countries.ByDemonym(text));
        Line("the capital (metonym for the government)", countries.ByCapital(text));
        foreach (var r in countries.RegionsNamed(text)) { found++; o.WriteLine($"   region {r.CountryIso3}  {r} is a first-level region (places index)"); }
        var places = gazetteer.Lookup(text);
        for (int i = 0; i < places.Count && i < 5; i++) { found++; o.WriteLine($"   place #{i + 1}  {places[i]}"); }
        if (places.Count > 5) o.WriteLine($"   ... {places.Count - 5} more places");
        return found;
    }

    private static class GazetteerCache
    {
        private static readonly Lock Gate = new();
        private static (string Path, Gazetteer Value)? _cached;

        public static Gazetteer Get(string path)
        {
            lock (Gate)
            {
                if (_cached is { } c && c.Path == path) return c.Value;
                var g = Gazetteer.Load(path);
                _cached = (path, g);
                return g;
            }
        }
    }

    private static string RepositoryRootOrCurrent() =>
        SourceCheckout.FindRoot(Directory.GetCurrentDirectory()) ?? Directory.GetCurrentDirectory();
}
