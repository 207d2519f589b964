using System.Text;

namespace Dyad.Text.Readers;

/// <summary>One line from <see cref="Utf8LineReader"/>: its text, or why it has none.</summary>
internal readonly record struct Line(long Number, string? Text, bool TooLong, bool InvalidUtf8, long ByteLength, string Preview);

/// <summary>
/// Reads UTF-8 lines from a stream with a cap on line length. Hand-written because StreamReader.ReadLine
/// buffers a line of any length (a 50 MB line means 100 MB of chars) and silently replaces invalid bytes,
/// while we must reject an oversize or invalid line by its number and keep reading the next ones.
/// </summary>
internal sealed class Utf8LineReader
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    /// <summary>The UTF-8 byte order mark, skipped at the start of an input.</summary>
    internal static ReadOnlySpan<byte> Bom => [0xEF, 0xBB, 0xBF];

    private const int PreviewBytes = Rejection.MaxRawChars * 4;

    private readonly Stream _stream;
    private readonly int _maxLineBytes;
    private readonly byte[] _chunk = new byte[1 << 16];
    private int _chunkStart;
    private int _chunkEnd;
    private bool _eof;
    private long _lineNumber;
    private readonly MemoryStream _line = new();

    public Utf8LineReader(Stream stream, int maxLineBytes)
    {
        _stream = stream;
        _maxLineBytes = maxLineBytes;
    }

    /// <summary>Reads the next line (without its "\n" or "\r\n"); false at end of input.</summary>
    public bool TryRead(out Line line)
    {
        _line.SetLength(0);
        long total = 0;
        bool sawAny = false;
        while (true)
        {
            if (_chunkStart == _chunkEnd)
            {
                if (_eof || !Fill())
                {
                    if (!sawAny) { line = default; return false; }
                    break;
                }
            }
            sawAny = true;
            var span = _chunk.AsSpan(_chunkStart, _chunkEnd - _chunkStart);
            int newline = span.IndexOf((byte)'\n');
            var part = newline >= 0 ? span[..newline] : span;
            // Keep bytes only while the line is within the limit; past it we only count, so memory stays bounded.
            if (total + part.Length <= _maxLineBytes) _line.Write(part);
            else if (_line.Length < PreviewBytes) _line.Write(part[..(int)Math.Min(part.Length, PreviewBytes - _line.Length)]);
            total += part.Length;
            _chunkStart += newline >= 0 ? newline + 1 : part.Length;
            if (newline >= 0) break;
        }

        _lineNumber++;
        var bytes = _line.GetBuffer().AsSpan(0, (int)_line.Length);
        if (_lineNumber == 1 && bytes.StartsWith(Utf8LineReader.Bom)) { bytes = bytes[3..]; total -= 3; }
        if (!bytes.IsEmpty && bytes[^1] == (byte)'\r' && total <= _maxLineBytes) { bytes = bytes[..^1]; total--; }

        if (total > _maxLineBytes)
        {
            line = new Line(_lineNumber, null, TooLong: true, InvalidUtf8: false, total, Lenient(bytes[..Math.Min(bytes.Length, PreviewBytes)]));
            return true;
        }
        try
        {
            line = new Line(_lineNumber, Strict.GetString(bytes), false, false, total, "");
        }
        catch (DecoderFallbackException)
        {
            line = new Line(_lineNumber, null, false, InvalidUtf8: true, total, Lenient(bytes[..Math.Min(bytes.Length, PreviewBytes)]));
        }
        return true;
    }

    private bool Fill()
    {
        _chunkStart = 0;
        _chunkEnd = _stream.Read(_chunk, 0, _chunk.Length);
        if (_chunkEnd == 0) _eof = true;
        return _chunkEnd > 0;
    }

    /// <summary>Decodes for a rejection preview, replacing invalid bytes instead of failing.</summary>
    internal static string Lenient(ReadOnlySpan<byte> bytes) => Rejection.Truncate(Encoding.UTF8.GetString(bytes))!;
}
