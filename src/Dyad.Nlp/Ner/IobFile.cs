using System.Text;
using Dyad.Text;

namespace Dyad.Nlp.Ner;

/// <summary>Column layout of a token-per-line NER file.</summary>
public enum IobLayout
{
    /// <summary>Universal NER: tab-separated "index, token, tag, ..." with "# ..." comment lines.</summary>
    Uner,
    /// <summary>CoNLL-2003 style: whitespace-separated "token ... tag" (tag last), "-DOCSTART-" lines between documents.</summary>
    Conll,
}

/// <summary>One sentence of an IOB file: its tokens, gold tags, and the raw lines needed to write it back unchanged.</summary>
public sealed class IobSentence
{
    internal IobSentence(IobLayout layout, string[] leadingLines, string[][] columns, int firstLine)
    {
        Layout = layout;
        LeadingLines = leadingLines;
        Columns = columns;
        FirstLine = firstLine;
        Tokens = new string[columns.Length];
        Tags = new string[columns.Length];
        for (int i = 0; i < columns.Length; i++)
        {
            Tokens[i] = layout == IobLayout.Uner ? columns[i][1] : columns[i][0];
            Tags[i] = layout == IobLayout.Uner ? (columns[i].Length > 2 ? columns[i][2] : "O") : columns[i][^1];
        }
    }

    public IobLayout Layout { get; }
    /// <summary>Comment and document-separator lines that precede the sentence, verbatim.</summary>
    public IReadOnlyList<string> LeadingLines { get; }
    /// <summary>The columns of each token line as read.</summary>
    public string[][] Columns { get; }
    /// <summary>1-based line number of the first token line (for error messages).</summary>
    public int FirstLine { get; }
    public string[] Tokens { get; }
    /// <summary>The tags as written in the file (may include types we do not model, such as OTH or MISC).</summary>
    public string[] Tags { get; }

    public int Count => Tokens.Length;

    /// <summary>True when a document marker ("# newdoc", "-DOCSTART-") precedes the sentence.</summary>
    public bool StartsDocument
    {
        get
        {
            foreach (var line in LeadingLines)
                if (line.StartsWith("# newdoc", StringComparison.Ordinal) || line.StartsWith("-DOCSTART-", StringComparison.Ordinal)) return true;
            return false;
        }
    }

    /// <summary>Gold PER/ORG/LOC spans (other types count as O).</summary>
    public EntitySpan[] GoldSpans() => BioTags.ToSpans(Tags);

    /// <summary>
    /// A <see cref="Sentence"/> over the tokens, laid out as if the tokens were joined by single spaces,
    /// so the recognizer can run on pre-tokenized files.
    /// </summary>
    public Sentence ToSentence()
    {
        var tokens = new Token[Tokens.Length];
        int offset = 0;
        for (int i = 0; i < Tokens.Length; i++)
        {
            tokens[i] = new Token(offset, offset + Tokens[i].Length, Tokens[i]) { SpaceAfter = true };
            offset += Tokens[i].Length + 1;
        }
        return new Sentence(0, Math.Max(0, offset - 1), tokens);
    }
}

/// <summary>Reads and writes token-per-line NER files (UNER IOB2 and CoNLL layouts).</summary>
public static class IobFile
{
    /// <summary>
    /// The file's documents as [start, end) sentence ranges, split at <see cref="IobSentence.StartsDocument"/>; a file
    /// without markers is one document.
    /// </summary>
    public static List<Range> Documents(IReadOnlyList<IobSentence> sentences)
    {
        var documents = new List<Range>();
        int start = 0;
        for (int i = 1; i < sentences.Count; i++)
            if (sentences[i].StartsDocument) { documents.Add(start..i); start = i; }
        if (sentences.Count > 0) documents.Add(start..sentences.Count);
        return documents;
    }

    /// <summary>Recognizes every sentence, one document at a time (<see cref="EntityRecognizer.RecognizeDocument"/>).</summary>
    public static EntitySpan[][] Recognize(EntityRecognizer recognizer, IReadOnlyList<IobSentence> sentences)
    {
        var spans = new EntitySpan[sentences.Count][];
        foreach (var document in Documents(sentences))
        {
            var (offset, length) = document.GetOffsetAndLength(sentences.Count);
            var tokens = new string[length][];
            for (int i = 0; i < length; i++) tokens[i] = sentences[offset + i].Tokens;
            var found = recognizer.RecognizeDocument(tokens);
            for (int i = 0; i < length; i++) spans[offset + i] = found[i];
        }
        return spans;
    }

    public static List<IobSentence> Read(string path, IobLayout? layout = null)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        return Read(reader, path, layout);
    }

    /// <summary>Reads every sentence; the layout is detected from the first token line when not given.</summary>
    public static List<IobSentence> Read(TextReader reader, string name, IobLayout? layout = null)
    {
        var sentences = new List<IobSentence>();
        var leading = new List<string>();
        var rows = new List<string[]>();
        int lineNumber = 0, firstLine = 0;
        string? line;
        while ((line = reader.ReadLine()) != null)
        {
            lineNumber++;
            if (line.Length > 0 && line[^1] == '\r') line = line[..^1];
            if (line.Trim().Length == 0)
            {
                Flush();
                continue;
            }
            if (rows.Count == 0 && (line.StartsWith('#') || line.StartsWith("-DOCSTART-", StringComparison.Ordinal)))
            {
                leading.Add(line);
                continue;
            }
            layout ??= line.Contains('\t') && int.TryParse(line.AsSpan(0, Math.Max(0, line.IndexOf('\t'))), out _) ? IobLayout.Uner : IobLayout.Conll;
            string[] columns = layout == IobLayout.Uner ? line.Split('\t') : line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (layout == IobLayout.Uner && columns.Length < 3)
                throw new FormatException($"{name}:{lineNumber}: expected at least 3 tab-separated columns (index, token, tag), found {columns.Length}.");
            if (layout == IobLayout.Conll && columns.Length < 2)
                throw new FormatException($"{name}:{lineNumber}: expected a token and a tag separated by whitespace.");
            string tag = layout == IobLayout.Uner ? columns[2] : columns[^1];
            if (tag != "O" && !(tag.Length > 2 && (tag[0] == 'B' || tag[0] == 'I') && tag[1] == '-'))
                throw new FormatException($"{name}:{lineNumber}: '{tag}' is not an IOB tag (O, B-TYPE or I-TYPE).");
            if (rows.Count == 0) firstLine = lineNumber;
            rows.Add(columns);
        }
        Flush();
        return sentences;

        // Comment and -DOCSTART- lines wait for the next token line, so they stay attached to the sentence they precede.
        void Flush()
        {
            if (rows.Count == 0) return;
            sentences.Add(new IobSentence(layout!.Value, leading.ToArray(), rows.ToArray(), firstLine));
            rows.Clear();
            leading.Clear();
        }
    }

    /// <summary>
    /// Writes the sentences back with every column kept and the tag column (third for UNER, last for CoNLL)
    /// replaced by <paramref name="tags"/>[sentence][token].
    /// </summary>
    public static void Write(TextWriter writer, IReadOnlyList<IobSentence> sentences, IReadOnlyList<string[]> tags)
    {
        for (int s = 0; s < sentences.Count; s++)
        {
            var sentence = sentences[s];
            foreach (var line in sentence.LeadingLines) writer.WriteLine(line);
            char separator = sentence.Layout == IobLayout.Uner ? '\t' : ' ';
            for (int i = 0; i < sentence.Count; i++)
            {
                var columns = (string[])sentence.Columns[i].Clone();
                columns[sentence.Layout == IobLayout.Uner ? 2 : columns.Length - 1] = tags[s][i];
                writer.WriteLine(string.Join(separator, columns));
            }
            writer.WriteLine();
        }
    }
}
