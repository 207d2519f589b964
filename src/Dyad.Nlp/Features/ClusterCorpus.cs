using System.IO.Compression;
using Dyad.Text.Conllu;

namespace Dyad.Nlp.Features;

/// <summary>
/// The unlabelled text that word clusters are built from, read from the shared data folder: the UD English-EWT
/// train and dev sentences (never test, so test words stay unseen), the wikigold sentences, and WordNet entries as
/// "lemma , lemma : gloss" sentences (glosses name many people, places and organizations in context).
/// </summary>
public static class ClusterCorpus
{
    public static List<string[]> Read(string sharedRoot, TextWriter? log = null)
    {
        var sentences = new List<string[]>();
        foreach (var split in (string[])["train", "dev"])
        {
            string path = Path.Combine(sharedRoot, "ud", "en-ewt", $"en_ewt-ud-{split}.conllu");
            int before = sentences.Count;
            foreach (var record in ConlluReader.ReadFile(path))
            {
                var forms = new string[record.Words.Count];
                for (int i = 0; i < forms.Length; i++) forms[i] = record.Words[i].Form;
                sentences.Add(forms);
            }
            log?.WriteLine($"{path}: {sentences.Count - before:N0} sentences");
        }
        ReadWikigold(Path.Combine(sharedRoot, "ner", "wikigold", "wikigold.conll.txt"), sentences, log);
        foreach (var part in (string[])["noun", "verb", "adj", "adv"])
            ReadWordNet(Path.Combine(sharedRoot, "lexicon", "wordnet-3.0", $"data.{part}"), sentences, log);
        return sentences;
    }

    private static void ReadWikigold(string path, List<string[]> sentences, TextWriter? log)
    {
        int before = sentences.Count;
        var current = new List<string>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line.StartsWith("-DOCSTART-", StringComparison.Ordinal))
            {
                if (current.Count > 0) sentences.Add([.. current]);
                current.Clear();
                continue;
            }
            int space = line.IndexOf(' ');
            current.Add(space > 0 ? line[..space] : line);
        }
        if (current.Count > 0) sentences.Add([.. current]);
        log?.WriteLine($"{path}: {sentences.Count - before:N0} sentences");
    }

    /// <summary>Reads data.PART or data.PART.gz: one sentence per synset, its lemmas then its gloss.</summary>
    private static void ReadWordNet(string path, List<string[]> sentences, TextWriter? log)
    {
        if (!File.Exists(path)) path += ".gz";
        using var stream = File.OpenRead(path);
        using Stream text = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(stream, CompressionMode.Decompress) : stream;
        using var reader = new StreamReader(text);
        int before = sentences.Count;
        var tokens = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith(' ')) continue;   // licence header
            int bar = line.IndexOf('|');
            var fields = line.Split(' ');
            if (bar < 0 || fields.Length < 5) continue;
            tokens.Clear();
            int lemmaCount = Convert.ToInt32(fields[3], 16);
            for (int k = 0; k < lemmaCount && 4 + 2 * k < fields.Length; k++)
            {
                if (k > 0) tokens.Add(",");
                string lemma = fields[4 + 2 * k];
                int marker = lemma.IndexOf('(');   // adjective position markers such as "(a)"
                if (marker > 0) lemma = lemma[..marker];
                Split(lemma.Replace('_', ' '), tokens);
            }
            tokens.Add(":");
            Split(line[(bar + 1)..], tokens);
            sentences.Add([.. tokens]);
        }
        log?.WriteLine($"{path}: {sentences.Count - before:N0} entries");
    }

    /// <summary>
    /// Plain-text tokenization close to EWT's: runs of letters and digits (with inner hyphens, apostrophes and
    /// periods) are words, any other non-space character is a token of its own.
    /// </summary>
    internal static void Split(string text, List<string> tokens)
    {
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (!char.IsLetterOrDigit(c)) { tokens.Add(c.ToString()); i++; continue; }
            int start = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i])
                || (text[i] is '-' or '\'' or '.') && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1])))
                i++;
            tokens.Add(text[start..i]);
        }
    }
}
