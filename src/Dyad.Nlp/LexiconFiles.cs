using System.IO.Compression;

namespace Dyad.Nlp;

/// <summary>Reads the lexicon files (WordNet exception lists and the like) that may be stored plain or gzip-compressed.</summary>
internal static class LexiconFiles
{
    /// <summary>Lines of <paramref name="path"/>, or of <paramref name="path"/>.gz when only the compressed copy exists.</summary>
    public static IEnumerable<string> ReadLines(string path)
    {
        if (File.Exists(path)) return File.ReadLines(path);
        if (File.Exists(path + ".gz")) return ReadGzipLines(path + ".gz");
        throw new FileNotFoundException($"lexicon file {path} (or {path}.gz) not found");
    }

    private static IEnumerable<string> ReadGzipLines(string path)
    {
        using var stream = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new StreamReader(stream);
        string? line;
        while ((line = reader.ReadLine()) != null) yield return line;
    }
}
