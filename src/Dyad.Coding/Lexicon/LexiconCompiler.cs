using System.IO.Compression;
using System.Text;
using Dyad.Coding.Ontology;

namespace Dyad.Coding.Lexicon;

/// <summary>
/// Builds models/verbs.lexicon.tsv.gz: the PETRARCH dictionary imported, then our extensions (which override it),
/// every code checked against the ontology. Entries whose code the ontology lacks are dropped and reported.
/// </summary>
public static class LexiconCompiler
{
    public const string PetrarchFile = "cameo/petrarch2-dictionaries/CAMEO.2.0.txt";
    public const string ExtensionsFile = "src/Dyad.Coding/Lexicon/extensions.tsv";

    public sealed record Result(int Entries, int Classes, int Transformations, IReadOnlyList<LexiconDiagnostic> Diagnostics);

    public static LexiconBuilder Build(string petrarchPath, string? extensionsPath, EventOntology ontology, out int transformations)
    {
        var builder = new LexiconBuilder();
        transformations = PetrarchImporter.Import(petrarchPath, builder);
        if (extensionsPath != null) LexiconTsv.ReadFile(extensionsPath, builder);
        // Codes the GDELT table lacks (1213, 176, 1952 in CAMEO.2.0) fall back to their nearest listed ancestor.
        var replacements = new List<LexiconEntry>();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in builder.Entries)
        {
            var code = Known(e.Code, ontology);
            var paired = Known(e.PairedCode, ontology);
            if (code == e.Code && paired == e.PairedCode) continue;
            foreach (var (from, to) in new[] { (e.Code, code), (e.PairedCode, paired) })
            {
                if (from == to) continue;
                var diagnostic = new LexiconDiagnostic(e.Provenance.File, e.Provenance.Line,
                    to == null ? $"code {from} and its ancestors are not in the CAMEO ontology; entry dropped" : $"code {from} is not in the CAMEO ontology; coded as its parent {to}");
                if (reported.Add(diagnostic.ToString())) builder.Diagnostics.Add(diagnostic); // once per line, not once per verb of the family
            }
            if ((e.Code != null && code == null) || (e.PairedCode != null && paired == null)) continue;
            replacements.Add(new LexiconEntry(e.Kind, e.Lemma, e.Constraints.ToArray(), code, paired, e.Reversed, e.Provenance));
        }
        foreach (var r in replacements) builder.Add(r);
        return builder;
    }

    private static string? Known(string? code, EventOntology ontology)
    {
        for (var c = code; c != null && c.Length >= 2; c = c.Length > 2 ? c[..^1] : null)
            if (ontology.Contains(c)) return c;
        return null;
    }

    public static Result Compile(string petrarchPath, string? extensionsPath, EventOntology ontology, string outputPath)
    {
        var builder = Build(petrarchPath, extensionsPath, ontology, out int transformations);
        int count = 0;
        using (var file = File.Create(outputPath))
        using (var gzip = new GZipStream(file, CompressionLevel.SmallestSize))
        using (var writer = new StreamWriter(gzip, new UTF8Encoding(false)))
        {
            writer.Write("# Dyad verb lexicon, compiled by `dyad lexicon import` from PETRARCH's CAMEO.2.0.txt (MIT, Open Event Data Alliance)\n");
            writer.Write("# and Dyad's own src/Dyad.Coding/Lexicon/extensions.tsv. Format: docs/coding.md.\n");
            foreach (var (name, words) in builder.ClassMembers.OrderBy(c => c.Key, StringComparer.Ordinal))
                LexiconTsv.WriteClass(writer, name, words);
            foreach (var e in builder.Entries)
            {
                if ((e.Code != null && !ontology.Contains(e.Code)) || (e.PairedCode != null && !ontology.Contains(e.PairedCode))) continue;
                LexiconTsv.WriteEntry(writer, e);
                count++;
            }
        }
        return new Result(count, builder.ClassMembers.Count, transformations, builder.Diagnostics);
    }
}
