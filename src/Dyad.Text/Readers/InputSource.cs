using System.IO.Compression;

namespace Dyad.Text.Readers;

/// <summary>
/// One input to read: a file or standard input. It knows the name users see in messages, the stem that
/// derived document ids start with, and how to open its bytes (decompressing gzip).
/// </summary>
public sealed class InputSource
{
    private readonly Func<Stream> _open;

    private InputSource(string displayName, string idStem, string formatName, Func<Stream> open)
    {
        DisplayName = displayName;
        IdStem = idStem;
        FormatName = formatName;
        _open = open;
    }

    /// <summary>The path as the user gave it (or found under a directory), or "-" for stdin.</summary>
    public string DisplayName { get; }

    /// <summary>Start of derived ids: the path relative to its input root with extensions removed ("2020/feb/story").</summary>
    public string IdStem { get; }

    /// <summary>The name whose extension tells the format: the file name without ".gz".</summary>
    public string FormatName { get; }

    public bool IsGzipName => DisplayName.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);

    public static InputSource File(string path, string relativeName) =>
        new(path, StemOf(relativeName), StripGz(Path.GetFileName(path)), () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16));

    public static InputSource Stdin(Func<Stream> open) => new("-", "stdin", "", open);

    /// <summary>
    /// Opens the input for reading, decompressing it when its name ends in ".gz" or its first bytes are the gzip magic
    /// number, so a compressed file is read correctly even when misnamed.
    /// </summary>
    public Stream Open()
    {
        var raw = _open();
        var peek = new PeekableStream(raw);
        var head = peek.Peek(2);
        if (IsGzipName || (head.Length == 2 && head[0] == 0x1f && head[1] == 0x8b))
            return new PeekableStream(new GZipStream(peek, CompressionMode.Decompress));
        return peek;
    }

    private static string StripGz(string name) =>
        name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? name[..^3] : name;

    private static string StemOf(string relativeName)
    {
        var name = StripGz(relativeName.Replace('\\', '/'));
        var dir = Path.GetDirectoryName(name)?.Replace('\\', '/');
        var stem = Path.GetFileNameWithoutExtension(name);
        return string.IsNullOrEmpty(dir) ? stem : dir + "/" + stem;
    }
}
