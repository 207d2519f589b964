using System.IO.Compression;
using System.Text;

namespace Dyad.Coding.Lexicon;

/// <summary>
/// Reads and writes the lexicon's own TSV format (docs/coding.md), used alike by the compiled lexicon, our extensions
/// file and user dictionaries:
/// <code>
/// V  lemma  constraints|-  code  [source]     verb pattern
/// N  lemma  constraints|-  code  [source]     event noun
/// C  &amp;name  word word ...                     word class
/// </code>
/// '#' starts a comment line. A malformed line is reported as a diagnostic with its file and line, and skipped.
/// </summary>
public static class LexiconTsv
{
    public static void Read(TextReader reader, string fileName, LexiconBuilder into)
    {
        string? line;
        int number = 0;
        while ((line = reader.ReadLine()) != null)
        {
            number++;
            line = line.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var error = ReadLine(line, fileName, number, into);
            if (error != null) into.Diagnostics.Add(new LexiconDiagnostic(fileName, number, error));
        }
    }

    public static void ReadFile(string path, LexiconBuilder into)
    {
        using var stream = File.OpenRead(path);
        using var reader = OpenText(stream, path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase));
        Read(reader, Path.GetFileName(path), into);
    }

    internal static StreamReader OpenText(Stream stream, bool gzip) =>
        new(gzip ? new GZipStream(stream, CompressionMode.Decompress) : stream, Encoding.UTF8);

    private static string? ReadLine(string line, string fileName, int number, LexiconBuilder into)
    {
        var f = line.Split('\t');
        switch (f[0])
        {
            case "C":
                if (f.Length != 3 || !f[1].StartsWith('&') || f[1].Length < 2) return "a class line is C<TAB>&name<TAB>words";
                var words = f[2].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                foreach (var w in words) if (!Term.IsWord(w)) return $"malformed class member \"{w}\"";
                into.AddClass(f[1], words);
                return null;
            case "V":
            case "N":
                if (f.Length is < 4 or > 5) return $"expected {f[0]}<TAB>lemma<TAB>constraints<TAB>code[<TAB>source], found {f.Length} fields";
                var lemma = f[1];
                if (!IsLemma(lemma)) return $"malformed lemma \"{lemma}\" (lower-case word expected)";
                var constraints = new List<Constraint>();
                if (f[2] != "-")
                    foreach (var token in f[2].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    {
                        var c = into.ParseConstraint(token, out var error);
                        if (c == null) return error;
                        constraints.Add(c);
                    }
                if (!LexiconCode.TryParse(f[3], out var code, out var paired, out bool reversed))
                    return $"malformed code \"{f[3]}\" (expected 2-4 digits, ---, A:B or :B)";
                var provenance = f.Length == 5 ? ParseSource(f[4]) : null;
                provenance ??= new Provenance(fileName, number, string.Join(' ', f[1], f[2], f[3]));
                into.Add(new LexiconEntry(f[0] == "V" ? EntryKind.Verb : EntryKind.Noun, lemma, constraints.ToArray(), code, paired, reversed, provenance));
                return null;
            default:
                return $"unknown record kind \"{f[0]}\" (expected V, N or C)";
        }
    }

    private static bool IsLemma(string s)
    {
        if (s.Length == 0) return false;
        foreach (var c in s) if (!(char.IsLower(c) || char.IsDigit(c) || c == '-' || c == '\'')) return false;
        return true;
    }

    /// <summary>"file:line text" → provenance; null when the source field has another shape (then the line itself is the source).</summary>
    private static Provenance? ParseSource(string source)
    {
        int space = source.IndexOf(' ');
        var head = space < 0 ? source : source[..space];
        int colon = head.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(head[(colon + 1)..], out int line)) return null;
        return new Provenance(head[..colon], line, space < 0 ? "" : source[(space + 1)..]);
    }

    public static void WriteClass(TextWriter w, string name, IEnumerable<string> words) =>
        w.Write($"C\t{name}\t{string.Join(' ', words)}\n");

    public static void WriteEntry(TextWriter w, LexiconEntry e) =>
        w.Write($"{(e.Kind == EntryKind.Verb ? 'V' : 'N')}\t{e.Lemma}\t{e.ConstraintText}\t{e.CodeText}\t{e.Provenance.File}:{e.Provenance.Line} {Clean(e.Provenance.Text)}\n");

    private static string Clean(string s) => s.Replace('\t', ' ');
}
