using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Dyad.Text.Readers;

/// <summary>
/// A JSON array of records, a single record, or records one after another ("{...}{...}"), read one
/// record at a time so a large array never sits in memory whole.
/// </summary>
/// <remarks>
/// The record boundaries are found by a small hand-written scanner (bracket depth outside strings)
/// instead of Utf8JsonReader or JsonSerializer.DeserializeAsyncEnumerable: those buffer a record of any
/// size and stop at the first syntax error, while we cap each record at --max-doc-bytes and, as long as
/// brackets balance, reject only the broken record and go on with the next. An unbalanced record
/// (an unclosed string or bracket) consumes the rest of the file and is reported as such.
/// </remarks>
internal sealed class JsonReader : IFormatReader
{
    public IEnumerable<ReadOutcome> Read(InputSource source, Stream stream, ReaderOptions options)
    {
        var scanner = new RecordScanner(stream, options.MaxDocumentBytes);
        while (scanner.TryNext(out var record))
        {
            if (record.Error is { } error)
            {
                yield return ReadOutcome.Of(new Rejection(source.DisplayName, record.Line, record.Number, RejectReason.Malformed, error, record.Preview));
                continue;
            }
            if (record.TooLarge)
            {
                yield return ReadOutcome.Of(new Rejection(source.DisplayName, record.Line, record.Number, RejectReason.TooLarge,
                    $"the record has {record.ByteLength:N0} bytes, more than the limit of {options.MaxDocumentBytes:N0} (--max-doc-bytes)", record.Preview));
                continue;
            }
            var bytes = record.Bytes;
            if (!Utf8.IsValid(bytes.Span))
            {
                yield return ReadOutcome.Of(new Rejection(source.DisplayName, record.Line, record.Number, RejectReason.InvalidUtf8,
                    "the record is not valid UTF-8", record.Preview));
                continue;
            }
            var raw = Encoding.UTF8.GetString(bytes.Span);
            JsonDocument? json = null;
            string? parseError = null;
            try { json = JsonDocument.Parse(bytes); }
            catch (JsonException e) { parseError = JsonErrors.Describe(e, lineOriented: false); }
            if (json is null)
            {
                yield return ReadOutcome.Of(new Rejection(source.DisplayName, record.Line, record.Number, RejectReason.Malformed,
                    $"broken JSON: {parseError}", Rejection.Truncate(raw)));
                continue;
            }
            using (json)
                yield return JsonRecordMapper.Map(json.RootElement, source, options, record.Number, record.Line, lineOriented: false, raw);
        }
    }

    internal readonly record struct ScannedRecord(long Number, long Line, ReadOnlyMemory<byte> Bytes, bool TooLarge, long ByteLength, string Preview, string? Error);

    /// <summary>Splits a byte stream into top-level JSON values (elements of an outer array, or values in sequence).</summary>
    private sealed class RecordScanner(Stream stream, int maxBytes)
    {
        private readonly byte[] _chunk = new byte[1 << 16];
        private int _pos, _end;
        private bool _eof;
        private bool _started, _inArray, _arrayClosed;
        private long _line = 1, _number;
        private readonly MemoryStream _record = new();

        public bool TryNext(out ScannedRecord record)
        {
            record = default;
            // Find the start of the next value.
            while (true)
            {
                if (!TryPeek(out var b))
                {
                    if (_inArray && !_arrayClosed)
                    {
                        _arrayClosed = true;
                        record = new ScannedRecord(_number + 1, _line, default, false, 0, "", "the file ends before the array is closed with ']'");
                        return true;
                    }
                    return false;
                }
                bool byteOrderMark = !_started && b is 0xEF or 0xBB or 0xBF;
                if (IsSpace(b) || byteOrderMark || (_inArray && b == (byte)',')) { Advance(b); continue; }
                if (!_started && b == (byte)'[') { _started = _inArray = true; Advance(b); continue; }
                if (_inArray && b == (byte)']') { _arrayClosed = true; _inArray = false; Advance(b); continue; }
                _started = true;
                break;
            }

            _number++;
            long startLine = _line;
            _record.SetLength(0);
            long length = 0;
            int depth = 0;
            bool inString = false, escaped = false, scalar = false, first = true;
            while (TryPeek(out var b))
            {
                if (!inString && (depth == 0 && !first) && (scalar ? b is (byte)',' or (byte)']' || IsSpace(b) : true)) break;
                Advance(b);
                if (length < maxBytes) _record.WriteByte(b);
                length++;
                if (inString)
                {
                    if (escaped) escaped = false;
                    else if (b == (byte)'\\') escaped = true;
                    else if (b == (byte)'"') inString = false;
                }
                else if (b == (byte)'"') { inString = true; if (first) scalar = true; }
                else if (b is (byte)'{' or (byte)'[') depth++;
                else if (b is (byte)'}' or (byte)']') depth--;
                else if (first) scalar = true;
                first = false;
                if (!inString && depth == 0 && !scalar) break;
                if (depth < 0) break;
            }
            var bytes = _record.GetBuffer().AsMemory(0, (int)_record.Length);
            var preview = Utf8LineReader.Lenient(bytes.Span[..Math.Min(bytes.Length, Rejection.MaxRawChars * 4)]);
            string? error = depth > 0 || inString ? "the file ends inside this record (unclosed string, '{' or '[')"
                : depth < 0 ? "unbalanced closing bracket" : null;
            if (depth > 0 || inString) _arrayClosed = true; // one report for a truncated file is enough
            record = new ScannedRecord(_number, startLine, bytes, length > maxBytes, length, preview, error);
            return true;
        }

        private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

        private bool TryPeek(out byte b)
        {
            if (_pos == _end)
            {
                if (_eof) { b = 0; return false; }
                _pos = 0;
                _end = stream.Read(_chunk, 0, _chunk.Length);
                if (_end == 0) { _eof = true; b = 0; return false; }
            }
            b = _chunk[_pos];
            return true;
        }

        private void Advance(byte b)
        {
            _pos++;
            if (b == (byte)'\n') _line++;
        }
    }
}
