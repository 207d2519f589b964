using System.IO.Compression;
using System.Text;

namespace Dyad.Nlp.Features;

/// <summary>
/// Hierarchical word clusters: each known (lower-cased) word has a bit-string path in a binary tree, as Brown
/// clusters do, so a prefix of the path names a coarser cluster. Words that occur in similar contexts share long
/// prefixes, which lets a model generalize from a word seen in training to one seen only in unlabelled text.
/// Built by <see cref="WordClusterTrainer"/>; stored as a gzip-compressed "path TAB word" file.
/// </summary>
public sealed class WordClusters
{
    private readonly Dictionary<string, string> _paths;

    public WordClusters(Dictionary<string, string> paths)
    {
        _paths = paths;
        foreach (var path in paths.Values) MaxDepth = Math.Max(MaxDepth, path.Length);
    }

    /// <summary>Number of words with a cluster.</summary>
    public int Count => _paths.Count;

    /// <summary>Length of the longest path (the depth of the tree).</summary>
    public int MaxDepth { get; }

    /// <summary>All (word, path) pairs, in no particular order.</summary>
    public IEnumerable<KeyValuePair<string, string>> Entries => _paths;

    /// <summary>The word's path ("0110..."), compared lower-cased; null for a word the clusters never saw.</summary>
    public string? PathOf(string word)
    {
        if (_paths.TryGetValue(word, out var path)) return path;
        return _paths.GetValueOrDefault(word.ToLowerInvariant());
    }

    /// <summary>The first <paramref name="length"/> bits of the word's path (all of it when shorter); null when unknown.</summary>
    public string? PrefixOf(string word, int length) =>
        PathOf(word) is { } path ? path.Length <= length ? path : path[..length] : null;

    public void Save(string file)
    {
        using var stream = File.Create(file);
        Save(stream);
    }

    /// <summary>Writes "path TAB word" lines sorted by path then word (deterministic bytes), gzip-compressed.</summary>
    public void Save(Stream stream)
    {
        var entries = _paths.ToList();
        entries.Sort((a, b) =>
        {
            int c = string.CompareOrdinal(a.Value, b.Value);
            return c != 0 ? c : string.CompareOrdinal(a.Key, b.Key);
        });
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new StreamWriter(gzip, new UTF8Encoding(false)) { NewLine = "\n" };
        foreach (var (word, path) in entries) writer.WriteLine($"{path}\t{word}");
    }

    public static WordClusters Load(string file)
    {
        using var stream = File.OpenRead(file);
        try { return Load(stream); }
        catch (InvalidDataException e) { throw new InvalidDataException($"{file}: {e.Message}", e); }
    }

    public static WordClusters Load(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        int lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0) continue;
            int tab = line.IndexOf('\t');
            if (tab <= 0 || tab == line.Length - 1 || !IsPath(line.AsSpan(0, tab)))
                throw new InvalidDataException($"line {lineNumber}: expected 'PATH<TAB>WORD' with a path of 0s and 1s");
            paths[line[(tab + 1)..]] = line[..tab];
        }
        return new WordClusters(paths);
    }

    private static bool IsPath(ReadOnlySpan<char> text)
    {
        foreach (char c in text) if (c != '0' && c != '1') return false;
        return true;
    }
}
