namespace Dyad.Text.Readers;

/// <summary>
/// A read-only stream that can look at its first bytes without consuming them, so a reader can sniff
/// gzip magic, binary content and the format and then read from the start. Works on non-seekable
/// inputs (stdin, GZipStream), which is why a plain Seek(0) is not enough.
/// </summary>
internal sealed class PeekableStream(Stream inner) : Stream
{
    private byte[] _buffer = [];
    private int _position;
    private int _length;

    /// <summary>Up to <paramref name="count"/> bytes from the current position (fewer at end of stream), not consumed.</summary>
    public ReadOnlySpan<byte> Peek(int count)
    {
        if (_length - _position < count)
        {
            var grown = new byte[Math.Max(count, _length - _position)];
            Buffer.BlockCopy(_buffer, _position, grown, 0, _length - _position);
            _length -= _position;
            _position = 0;
            _buffer = grown;
            while (_length < count)
            {
                int n = inner.Read(_buffer, _length, count - _length);
                if (n == 0) break;
                _length += n;
            }
        }
        return _buffer.AsSpan(_position, Math.Min(count, _length - _position));
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> destination)
    {
        if (_position < _length)
        {
            int n = Math.Min(destination.Length, _length - _position);
            _buffer.AsSpan(_position, n).CopyTo(destination);
            _position += n;
            return n;
        }
        return inner.Read(destination);
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
