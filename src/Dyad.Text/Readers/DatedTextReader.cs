using System.Text;

namespace Dyad.Text.Readers;

/// <summary>
/// Reads text files. A file whose first non-blank line starts with <c>date YYYY-MM-DD</c> (leading
/// whitespace allowed, the body may continue on the same line) is dated text, and every later line that
/// starts the same way begins a new record. Any other file is one plain-text document dated by
/// <see cref="ReaderOptions.DefaultDate"/>. Lines are joined with "\n"; the body is trimmed.
/// </summary>
internal sealed class DatedTextReader : IFormatReader
{
    public IEnumerable<ReadOutcome> Read(InputSource source, Stream stream, ReaderOptions options)
    {
        var lines = new Utf8LineReader(stream, options.MaxDocumentBytes);
        var record = new RecordBuilder(options.MaxDocumentBytes);
        bool? dated = null;
        int recordCount = 0;

        while (lines.TryRead(out var line))
        {
            // An oversize or invalid line can still start a record: look for the header in its preview.
            Header? header = Header.TryMatch(line.Text ?? line.Preview);
            if (dated is null)
            {
                if (line.Text is { } text && string.IsNullOrWhiteSpace(text)) continue;
                dated = header is not null;
                if (!dated.Value) record.Start(line.Number, null);
            }
            if (dated.Value && header is { } h)
            {
                // A record ends where the next begins; a second header also tells us ids need record numbers.
                if (recordCount > 0) yield return Finish(record, source, options, recordCount, numbered: true);
                recordCount++;
                record.Start(line.Number, h);
                record.Add(line, h.Body);
                continue;
            }
            record.Add(line, line.Text);
        }

        if (dated is null) yield break; // empty or blank file: nothing to read
        if (!dated.Value)
        {
            yield return Finish(record, source, options, 1, numbered: false);
            yield break;
        }
        yield return Finish(record, source, options, recordCount, numbered: recordCount > 1);
    }

    private static ReadOutcome Finish(RecordBuilder record, InputSource source, ReaderOptions options, int number, bool numbered)
    {
        long? recordNumber = record.Header is null ? null : number;
        Rejection Reject(RejectReason reason, string message) =>
            new(source.DisplayName, record.StartLine, recordNumber, reason, message, Rejection.Truncate(record.Raw()));

        if (record.Problem is { } problem) return ReadOutcome.Of(Reject(problem.Reason, problem.Message));

        DateOnly date;
        if (record.Header is { } header)
        {
            if (!DateParser.TryParse(header.DateText, out date, out var error))
                return ReadOutcome.Of(Reject(RejectReason.InvalidDate, error));
        }
        else if (options.DefaultDate is { } fallback) date = fallback;
        else return ReadOutcome.Of(Reject(RejectReason.MissingDate, "plain text has no 'date YYYY-MM-DD' header and no --date was given"));

        var text = record.Body();
        if (text.Length == 0) return ReadOutcome.Of(Reject(RejectReason.EmptyText, "the record has no text"));
        var id = numbered ? $"{source.IdStem}#{number}" : source.IdStem;
        return ReadOutcome.Of(new Document(id, date, text));
    }

    /// <summary>A dated-text header line: the date token and the body text that follows it on the same line.</summary>
    internal readonly record struct Header(string DateText, string Body)
    {
        /// <summary>Matches "date " plus an 8-digit or YYYY-MM-DD token, after optional spaces or tabs.</summary>
        public static Header? TryMatch(string line)
        {
            int i = 0;
            while (i < line.Length && line[i] is ' ' or '\t') i++;
            if (!line.AsSpan(i).StartsWith("date", StringComparison.Ordinal)) return null;
            i += 4;
            int gap = i;
            while (i < line.Length && line[i] is ' ' or '\t') i++;
            if (i == gap) return null;
            int start = i;
            while (i < line.Length && !char.IsWhiteSpace(line[i])) i++;
            var token = line.AsSpan(start, i - start);
            if (!LooksLikeDate(token)) return null;
            return new Header(token.ToString(), line[i..].TrimStart());
        }

        private static bool LooksLikeDate(ReadOnlySpan<char> t)
        {
            if (t.Length == 8) return !t.ContainsAnyExceptInRange('0', '9');
            return t.Length == 10 && t[4] == '-' && t[7] == '-'
                && !t[..4].ContainsAnyExceptInRange('0', '9') && !t.Slice(5, 2).ContainsAnyExceptInRange('0', '9')
                && !t.Slice(8, 2).ContainsAnyExceptInRange('0', '9');
        }
    }

    /// <summary>Collects one record's lines, stopping collection (not reading) once the record is already rejected.</summary>
    private sealed class RecordBuilder(int maxBytes)
    {
        private readonly StringBuilder _body = new();
        private readonly StringBuilder _raw = new();
        private long _bytes;

        public long StartLine { get; private set; }
        public Header? Header { get; private set; }
        public (RejectReason Reason, string Message)? Problem { get; private set; }

        public void Start(long line, Header? header)
        {
            _body.Clear();
            _raw.Clear();
            _bytes = 0;
            StartLine = line;
            Header = header;
            Problem = null;
        }

        public void Add(Line line, string? text)
        {
            if (Problem is not null) return;
            if (line.TooLong)
            {
                Problem = (RejectReason.TooLarge, $"line {line.Number} has {line.ByteLength:N0} bytes, more than the limit of {maxBytes:N0} (--max-doc-bytes)");
                AppendRaw(line.Preview);
                return;
            }
            if (line.InvalidUtf8)
            {
                Problem = (RejectReason.InvalidUtf8, $"line {line.Number} is not valid UTF-8");
                AppendRaw(line.Preview);
                return;
            }
            _bytes += line.ByteLength + 1;
            if (_bytes > maxBytes)
            {
                Problem = (RejectReason.TooLarge, $"the record is larger than the limit of {maxBytes:N0} bytes (--max-doc-bytes)");
                return;
            }
            if (_body.Length > 0 || _raw.Length > 0) _body.Append('\n');
            _body.Append(text);
            AppendRaw(line.Text!);
            AppendRaw("\n");
        }

        private void AppendRaw(string s)
        {
            if (_raw.Length < Rejection.MaxRawChars + 1) _raw.Append(s.AsSpan(0, Math.Min(s.Length, Rejection.MaxRawChars + 1 - _raw.Length)));
        }

        public string Body() => _body.ToString().Trim();
        public string Raw() => _raw.ToString().TrimEnd('\n');
    }
}
