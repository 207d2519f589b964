using System.Text;
using System.Text.Unicode;

namespace Dyad.Text.Readers;

/// <summary>Reads a whole-file input (HTML page, feed) as UTF-8 text within a size cap, or says why it cannot.</summary>
internal static class WholeFile
{
    public static string? TryRead(InputSource source, Stream stream, ReaderOptions options, out Rejection? rejection)
    {
        long cap = options.MaxWholeFileBytes;
        var buffer = new MemoryStream();
        var chunk = new byte[1 << 16];
        long total = 0;
        int n;
        while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            total += n;
            if (total > cap)
            {
                // Count the rest without keeping it, so the message can say how large the file is.
                while ((n = stream.Read(chunk, 0, chunk.Length)) > 0) total += n;
                rejection = new Rejection(source.DisplayName, null, null, RejectReason.TooLarge,
                    $"the file has {total:N0} bytes, more than the limit of {cap:N0} for whole-file formats ({ReaderOptions.WholeFileFactor} x --max-doc-bytes)",
                    Utf8LineReader.Lenient(buffer.GetBuffer().AsSpan(0, (int)Math.Min(buffer.Length, Rejection.MaxRawChars))));
                return null;
            }
            buffer.Write(chunk, 0, n);
        }
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (bytes.StartsWith(Utf8LineReader.Bom)) bytes = bytes[3..];
        if (!Utf8.IsValid(bytes))
        {
            rejection = new Rejection(source.DisplayName, LineOfFirstInvalidByte(bytes), null, RejectReason.InvalidUtf8,
                "the file is not valid UTF-8", null);
            return null;
        }
        rejection = null;
        return Encoding.UTF8.GetString(bytes);
    }

    private static long LineOfFirstInvalidByte(ReadOnlySpan<byte> bytes)
    {
        System.Buffers.OperationStatus status = Utf8.ToUtf16(bytes, new char[bytes.Length], out int read, out _, replaceInvalidSequences: false);
        _ = status;
        return bytes[..read].Count((byte)'\n') + 1;
    }
}
