using System.CommandLine;
using System.Globalization;
using Dyad.Coding.Lexicon;
using Dyad.Coding.Ontology;

namespace Dyad.Cli.Commands;

/// <summary>`dyad lexicon import|lookup`: compile the CAMEO ontology and verb lexicon into models/, and query them.</summary>
internal static class LexiconCommand
{
    public static Command Create() => new("lexicon", "Build and query the CAMEO event ontology and verb lexicon.") { CreateImport(), CreateLookup() };

    private static Command CreateImport()
    {
        var shared = new Option<string?>("--shared") { Description = "Shared data folder (default ../shared/data)." };
        var models = new Option<string?>("--models") { Description = "Output folder (default models/ at the repository root)." };
        var command = new Command("import", "Compile models/cameo-ontology.tsv and models/verbs.lexicon.tsv.gz from the GDELT, PLOVER and PETRARCH sources and our extensions (rebuild afterwards to embed them).") { shared, models };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var sharedRoot = DataPaths.Resolve(parse.GetValue(shared) ?? Path.Combine("..", "shared", "data"));
            var modelDir = DataPaths.Resolve(parse.GetValue(models) ?? "models");
            var extensions = DataPaths.Resolve(LexiconCompiler.ExtensionsFile);
            var petrarch = Path.Combine(sharedRoot, LexiconCompiler.PetrarchFile);
            foreach (var required in new[] { Path.Combine(sharedRoot, OntologyBuilder.EventCodesFile), petrarch, extensions })
                if (!File.Exists(required)) { error.WriteLine($"error: {required} not found"); return 2; }
            Directory.CreateDirectory(modelDir);

            var warnings = new List<string>();
            var ontology = OntologyBuilder.Build(sharedRoot, warnings);
            foreach (var w in warnings) error.WriteLine($"warning: {w}");
            var ontologyPath = Path.Combine(modelDir, "cameo-ontology.tsv");
            using (var writer = new StreamWriter(ontologyPath)) ontology.Write(writer);
            output.WriteLine($"{ontologyPath}: {ontology.Count} event codes");

            var lexiconPath = Path.Combine(modelDir, VerbLexicon.CompiledFileName);
            var result = LexiconCompiler.Compile(petrarch, extensions, ontology, lexiconPath);
            foreach (var d in result.Diagnostics) error.WriteLine($"warning: {d}");
            output.WriteLine($"{lexiconPath}: {result.Entries} patterns, {result.Classes} word classes, {result.Diagnostics.Count} lines reported, {result.Transformations} PETRARCH transformations not imported ({new FileInfo(lexiconPath).Length:N0} bytes)");
            return 0;
        });
        return command;
    }

    private static Command CreateLookup()
    {
        var verb = new Argument<string>("lemma") { Description = "Verb lemma (or event noun with --noun)." };
        var prep = new Option<string[]>("--prep") { Description = "Prepositional dependent, \"for\" or \"for=aid\" (with its object's lemma); repeatable.", AllowMultipleArgumentsPerToken = true };
        var prepActor = new Option<string[]>("--prep-actor") { Description = "Preposition whose object is a political actor (\"with\" for \"meet with the president\"); repeatable.", AllowMultipleArgumentsPerToken = true };
        var objectActor = new Option<bool>("--object-actor") { Description = "The direct object is a political actor." };
        var particle = new Option<string[]>("--particle") { Description = "Phrasal-verb particle; repeatable.", AllowMultipleArgumentsPerToken = true };
        var obj = new Option<string?>("--object") { Description = "Direct object lemma." };
        var xcomp = new Option<string?>("--xcomp") { Description = "Verb of the open clausal complement (\"urge X to withdraw\": withdraw)." };
        var ccomp = new Option<string?>("--ccomp") { Description = "Head of a clausal complement (\"denied that ...\")." };
        var noun = new Option<bool>("--noun") { Description = "Look up an event noun instead of a verb." };
        var user = new Option<string?>("--dictionary") { Description = "User dictionary (TSV, docs/coding.md) laid over the compiled lexicon." };
        var command = new Command("lookup", "Show the CAMEO code the lexicon gives a verb in a context, with the matching pattern and its source.") { verb, prep, prepActor, particle, obj, objectActor, xcomp, ccomp, noun, user };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var userPath = parse.GetValue(user);
            if (userPath != null && !File.Exists(userPath)) { error.WriteLine($"error: {userPath} not found"); return 2; }
            var lexicon = userPath == null ? VerbLexicon.Load() : VerbLexicon.Load(userPath);
            foreach (var d in lexicon.Diagnostics) error.WriteLine($"warning: {d}");
            var context = new VerbContext
            {
                Particles = (parse.GetValue(particle) ?? []).Select(p => p.ToLowerInvariant()).ToArray(),
                Prepositions = (parse.GetValue(prep) ?? []).Select(ParsePrep)
                    .Concat((parse.GetValue(prepActor) ?? []).Select(p => new PrepositionalPhrase(p.ToLowerInvariant(), null, ObjectIsActor: true))).ToArray(),
                Object = parse.GetValue(obj)?.ToLowerInvariant(),
                ObjectIsActor = parse.GetValue(objectActor),
                Xcomp = parse.GetValue(xcomp)?.ToLowerInvariant(),
                Ccomp = parse.GetValue(ccomp)?.ToLowerInvariant(),
            };
            var lemma = parse.GetValue(verb)!.ToLowerInvariant();
            var match = parse.GetValue(noun) ? lexicon.MatchNoun(lemma, context) : lexicon.Match(lemma, context);
            if (match == null) { output.WriteLine($"{lemma}: not in the lexicon"); return 1; }
            var e = match.Entry;
            if (e.Code == null) output.WriteLine($"code: --- (no event)");
            else
            {
                var type = EventOntology.Load().Lookup(e.Code);
                output.WriteLine($"code: {e.Code}{(e.Reversed ? " (source and target swapped)" : "")}  {type?.Name}");
                if (type != null)
                    output.WriteLine($"root: {type.Root}  quad: {type.Quad}  goldstein: {type.Goldstein.ToString("0.0", CultureInfo.InvariantCulture)}  plover: {(type.PloverType.Length > 0 ? type.PloverType : "(none)")}{(type.PloverMode.Length > 0 ? " mode " + type.PloverMode : "")}");
                if (e.PairedCode != null) output.WriteLine($"paired: {e.PairedCode}  {EventOntology.Load().Lookup(e.PairedCode)?.Name} (target's event)");
            }
            output.WriteLine($"pattern: {e}");
            output.WriteLine($"source: {e.Provenance}");
            return 0;
        });
        return command;
    }

    private static PrepositionalPhrase ParsePrep(string text)
    {
        var lower = text.ToLowerInvariant();
        int eq = lower.IndexOf('=');
        return eq < 0 ? new PrepositionalPhrase(lower, null) : new PrepositionalPhrase(lower[..eq], lower[(eq + 1)..]);
    }
}
