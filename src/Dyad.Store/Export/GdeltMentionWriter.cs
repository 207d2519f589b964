using Dyad.Coding;

namespace Dyad.Store.Export;

/// <summary>
/// <c>gdelt-mentions</c>: the GDELT 2.0 mentions table, 16 tab-separated columns, no header line, one row per
/// sentence that reports a stored event. docs/formats.md lists every column's source.
/// </summary>
public sealed class GdeltMentionWriter(TextWriter output)
{
    /// <summary>The GDELT 2.0 mentions table's column names, in order.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "GlobalEventID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName", "MentionIdentifier",
        "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset", "InRawText", "Confidence",
        "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
    ];

    private readonly string?[] _fields = new string?[Columns.Count];

    /// <summary>
    /// Writes every mention. Both streams come in event order, so each mention finds its event (for EventTimeDate) by
    /// walking the events alongside, never holding more than one of each in memory.
    /// </summary>
    /// <returns>The number of mentions written.</returns>
    public long WriteAll(IEnumerable<StoredEvent> events, IEnumerable<StoredMention> mentions)
    {
        long written = 0;
        using var cursor = events.GetEnumerator();
        StoredEvent? current = cursor.MoveNext() ? cursor.Current : null;
        foreach (var mention in mentions)
        {
            while (current is not null && current.Id < mention.EventId) current = cursor.MoveNext() ? cursor.Current : null;
            Write(mention, current is not null && current.Id == mention.EventId ? current : null);
            written++;
        }
        return written;
    }

    /// <param name="stored">The mention's event, or null when the store has none with that id.</param>
    public void Write(StoredMention mention, StoredEvent? stored)
    {
        var coded = mention.Mention;
        int i = 0;
        _fields[i++] = ExportContext.Number(mention.EventId);
        // GDELT's EventTimeDate is the event's DATEADDED, which the gdelt format writes as the first publication day.
        _fields[i++] = stored is null ? null : ExportContext.CompactDate(stored.FirstSeen) + "000000";
        _fields[i++] = ExportContext.CompactDate(mention.DocumentDate) + "000000";
        // 1 WEB when the document has a URL, else 2 CITATIONONLY: the identifier is then Dyad's document id.
        _fields[i++] = mention.DocumentUrl is null ? "2" : "1";
        _fields[i++] = mention.DocumentSource ?? ExportContext.HostOf(mention.DocumentUrl);
        _fields[i++] = mention.DocumentUrl ?? coded.DocId;
        _fields[i++] = ExportContext.Number(coded.SentenceIndex + 1); // GDELT counts sentences from 1
        var offsets = MentionOffsets.Of(coded);
        _fields[i++] = ExportContext.Number(offsets.Actor1);
        _fields[i++] = ExportContext.Number(offsets.Actor2);
        _fields[i++] = ExportContext.Number(offsets.Action);
        _fields[i++] = "1"; // InRawText: Dyad codes the text as written, never a rewritten form
        _fields[i++] = ExportContext.Number((long)Math.Round(Math.Clamp(coded.Confidence, 0, 1) * 100));
        _fields[i++] = ExportContext.Number(mention.DocumentLength);
        _fields[i++] = null; // MentionDocTone: no tone is measured
        _fields[i++] = null; // MentionDocTranslationInfo: documents are coded in their own language
        _fields[i++] = null; // Extras
        DelimitedText.PlainTsv.WriteLine(output, _fields);
    }
}

/// <summary>Character offsets into the document of a mention's source, target and verb; -1 where unknown (as GDELT writes).</summary>
internal readonly record struct MentionOffsets(int Actor1, int Actor2, int Action)
{
    /// <summary>
    /// A mention records its sentence's text and the document offsets of its evidence span. When that span is the
    /// whole sentence (its length matches), the sentence starts at char_start and each phrase's offset is found in it;
    /// otherwise only the action offset, the span's start, is known.
    /// </summary>
    public static MentionOffsets Of(CodedEvent e)
    {
        if (e.CharEnd - e.CharStart != e.Sentence.Length) return new(-1, -1, e.CharStart);
        int verb = Find(e, e.VerbText);
        return new(Find(e, e.SourceText), Find(e, e.TargetText), verb >= 0 ? verb : e.CharStart);
    }

    private static int Find(CodedEvent e, string? phrase)
    {
        if (string.IsNullOrEmpty(phrase)) return -1;
        int at = e.Sentence.IndexOf(phrase, StringComparison.Ordinal);
        return at < 0 ? -1 : e.CharStart + at;
    }
}
