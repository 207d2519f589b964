using Microsoft.Extensions.FileSystemGlobbing;

namespace Dyad.Text.Readers;

/// <summary>
/// Expands command-line inputs into sources in a deterministic order: "-" is stdin; a directory is every
/// file below it (recursively, hidden files skipped, ordinal path order); a pattern with * ? or [ is a glob
/// (Microsoft.Extensions.FileSystemGlobbing, "**" for any depth); anything else must be an existing file.
/// </summary>
public static class InputResolver
{
    private static readonly char[] GlobChars = ['*', '?', '['];

    public static IEnumerable<(InputSource? Source, Rejection? Problem)> Resolve(IEnumerable<string> inputs, ReaderOptions options)
    {
        foreach (var input in inputs)
        {
            if (input == "-") { yield return (InputSource.Stdin(options.OpenStdin), null); continue; }
            if (File.Exists(input)) { yield return (InputSource.File(input, Path.GetFileName(input)), null); continue; }
            if (Directory.Exists(input))
            {
                foreach (var (path, relative) in FilesUnder(input))
                    yield return (InputSource.File(path, relative), null);
                continue;
            }
            if (input.IndexOfAny(GlobChars) >= 0)
            {
                var matches = Glob(input);
                if (matches.Count == 0)
                    yield return (null, new Rejection(input, null, null, RejectReason.Unreadable, "no file matches this pattern"));
                foreach (var (path, relative) in matches)
                    yield return (InputSource.File(path, relative), null);
                continue;
            }
            yield return (null, new Rejection(input, null, null, RejectReason.Unreadable, "no such file or directory"));
        }
    }

    private static List<(string Path, string Relative)> FilesUnder(string directory)
    {
        var files = new List<(string, string)>();
        foreach (var path in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(directory, path).Replace('\\', '/');
            if (relative.Split('/').Any(part => part.StartsWith('.'))) continue;
            files.Add((path, relative));
        }
        files.Sort((a, b) => string.CompareOrdinal(a.Item2, b.Item2));
        return files;
    }

    /// <summary>Splits "data/2020/**/*.jsonl" into the fixed base "data/2020" and the pattern "**/*.jsonl".</summary>
    private static List<(string Path, string Relative)> Glob(string pattern)
    {
        var normalized = pattern.Replace('\\', '/');
        var parts = normalized.Split('/');
        int firstWild = Array.FindIndex(parts, p => p.IndexOfAny(GlobChars) >= 0);
        var baseDir = string.Join('/', parts[..firstWild]);
        if (baseDir.Length == 0) baseDir = normalized.StartsWith('/') ? "/" : ".";
        var rest = string.Join('/', parts[firstWild..]);
        if (!Directory.Exists(baseDir)) return [];

        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(rest);
        var files = new List<(string, string)>();
        foreach (var file in matcher.GetResultsInFullPath(baseDir))
        {
            var relative = Path.GetRelativePath(baseDir, file).Replace('\\', '/');
            var shown = baseDir == "." ? relative : Path.Combine(baseDir, relative).Replace('\\', '/');
            files.Add((shown, relative));
        }
        files.Sort((a, b) => string.CompareOrdinal(a.Item2, b.Item2));
        return files;
    }
}
