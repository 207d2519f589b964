using Dyad.Text;

namespace Dyad.Cli.Commands;

/// <summary>Resolves data paths given relative to the repository root (such as "../shared/data/...") or the current directory.</summary>
internal static class DataPaths
{
    public static string Resolve(string path)
    {
        if (Path.IsPathRooted(path) || File.Exists(path) || Directory.Exists(path)) return Path.GetFullPath(path);
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            var root = SourceCheckout.FindRoot(start);
            if (root == null) continue;
            var candidate = Path.GetFullPath(Path.Combine(root, path));
            if (File.Exists(candidate) || Directory.Exists(candidate)) return candidate;
        }
        return Path.GetFullPath(path);
    }
}
