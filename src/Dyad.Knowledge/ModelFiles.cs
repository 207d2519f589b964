using Dyad.Text;

namespace Dyad.Knowledge;

/// <summary>
/// Finds Dyad's compiled knowledge files (models/…): beside the program (they are copied to the build output) or in
/// the repository's models/ folder when running from a checkout.
/// </summary>
public static class ModelFiles
{
    public const string ActorDictionary = "actors.dict.tsv.gz";
    public const string CameoCodes = "cameo-codes.tsv.gz";
    public const string Places = "places.bin";
    /// <summary>Office holders after the Phoenix dictionaries end (2014), written for Dyad in the user-dictionary format.</summary>
    public const string RecentOfficials = "actors.recent.tsv";

    /// <summary>The path of a model file, or null when neither the program's folder nor the checkout has it.</summary>
    public static string? TryFind(string fileName)
    {
        try { return Find(fileName); }
        catch (FileNotFoundException) { return null; }
    }

    public static string Find(string fileName)
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "models", fileName);
        if (File.Exists(beside)) return beside;
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            if (SourceCheckout.FindRoot(start) is not { } root) continue;
            var candidate = Path.Combine(root, "models", fileName);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"Dyad model file models/{fileName} not found beside the program or in the repository; run 'dyad dict import'.", fileName);
    }
}
