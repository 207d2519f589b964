namespace Dyad.Text;

/// <summary>
/// Finds the root of a Dyad source checkout (the folder holding Dyad.slnx), so that commands run from a checkout
/// find its models/ folder and the ../shared data beside it.
/// </summary>
public static class SourceCheckout
{
    /// <summary>The nearest folder at or above <paramref name="start"/> that holds Dyad.slnx, or null.</summary>
    public static string? FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Dyad.slnx"))) return dir.FullName;
        return null;
    }
}
