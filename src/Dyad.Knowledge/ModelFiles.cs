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

    public static string Find(string fileName)
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "models", fileName);
        if (File.Exists(beside)) return beside;
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Dyad.slnx")))
                {
                    var candidate = Path.Combine(dir.FullName, "models", fileName);
                    if (File.Exists(candidate)) return candidate;
                    break;
                }
        throw new FileNotFoundException($"Dyad model file models/{fileName} not found beside the program or in the repository; run 'dyad dict import'.", fileName);
    }
}
