namespace Dyad.Text.Readers;

/// <summary>
/// The entry point of reading: expands inputs (files, directories, globs, "-", .gz), picks each one's
/// format and streams documents and rejections. Memory holds one record at a time (one page or feed for
/// whole-file formats). A failure inside one input becomes a rejection and reading moves to the next input.
/// </summary>
public sealed class CorpusReader(ReaderOptions options)
{
    /// <summary>Bytes sniffed for binary content and format: enough for a feed's or page's root element.</summary>
    private const int SniffBytes = 8192;

    public ReaderOptions Options { get; } = options;

    public IEnumerable<ReadOutcome> Read(IEnumerable<string> inputs)
    {
        foreach (var (source, problem) in InputResolver.Resolve(inputs, Options))
        {
            if (problem is not null) { yield return ReadOutcome.Of(problem); continue; }
            foreach (var outcome in Read(source!)) yield return outcome;
        }
    }

    /// <summary>Reads one source; every exception while reading it (I/O, corrupt gzip) ends it with one rejection.</summary>
    public IEnumerable<ReadOutcome> Read(InputSource source)
    {
        Stream? stream = null;
        IEnumerator<ReadOutcome>? outcomes = null;
        Rejection? failure = null;
        try
        {
            try
            {
                stream = source.Open();
                outcomes = Select(source, (PeekableStream)stream).GetEnumerator();
            }
            catch (Exception e) when (IsInputFailure(e))
            {
                failure = Failure(source, e);
            }
            while (failure is null)
            {
                bool more;
                try { more = outcomes!.MoveNext(); }
                catch (Exception e) when (IsInputFailure(e)) { failure = Failure(source, e); break; }
                if (!more) break;
                yield return outcomes.Current;
            }
            if (failure is not null) yield return ReadOutcome.Of(failure);
        }
        finally
        {
            outcomes?.Dispose();
            stream?.Dispose();
        }
    }

    private IEnumerable<ReadOutcome> Select(InputSource source, PeekableStream stream)
    {
        var head = stream.Peek(SniffBytes);
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return [ReadOutcome.Of(new Rejection(source.DisplayName, null, null, RejectReason.Binary, "the file is UTF-16 text; convert it to UTF-8"))];
        if (FormatDetector.LooksBinary(head))
            return [ReadOutcome.Of(new Rejection(source.DisplayName, null, null, RejectReason.Binary, "the file is binary, not text (it contains NUL bytes)"))];
        var format = Options.Format;
        if (format == InputFormat.Auto) format = FormatDetector.FromName(source.FormatName);
        if (format == InputFormat.Auto) format = FormatDetector.FromContent(head);
        IFormatReader reader = format switch
        {
            InputFormat.Jsonl => new JsonlReader(),
            InputFormat.Json => new JsonReader(),
            InputFormat.Html => new HtmlDocumentReader(),
            InputFormat.Rss => new FeedDocumentReader(),
            _ => new DatedTextReader(),
        };
        return reader.Read(source, stream, Options);
    }

    private static bool IsInputFailure(Exception e) =>
        e is IOException or UnauthorizedAccessException or InvalidDataException or NotSupportedException;

    private static Rejection Failure(InputSource source, Exception e) =>
        new(source.DisplayName, null, null, RejectReason.Unreadable, e is InvalidDataException ? $"corrupt compressed data: {e.Message}" : e.Message);
}
