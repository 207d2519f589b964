using Dyad.Nlp.Ner;

namespace Dyad.Pipeline;

/// <summary>Finds and loads the NER model: an explicit --model path, else models/en.ner.bin beside the executable or above the working directory.</summary>
public static class NerModelFile
{
    public const string DefaultName = "en.ner.bin";

    public static string? Find(string? explicitPath)
    {
        if (!string.IsNullOrEmpty(explicitPath)) return explicitPath;
        var candidates = new List<string> { Path.Combine(AppContext.BaseDirectory, "models", DefaultName) };
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir != null; dir = dir.Parent)
            candidates.Add(Path.Combine(dir.FullName, "models", DefaultName));
        return candidates.FirstOrDefault(File.Exists);
    }

    /// <summary>The recognizer, or null after writing a clear message to <paramref name="error"/>.</summary>
    public static EntityRecognizer? Load(string? explicitPath, TextWriter error)
    {
        var path = Find(explicitPath);
        if (path == null)
        {
            error.WriteLine($"error: no NER model found (looked for models/{DefaultName} beside dyad and above the current directory); pass --model FILE.");
            return null;
        }
        if (!File.Exists(path))
        {
            error.WriteLine($"error: NER model {path} does not exist.");
            return null;
        }
        try
        {
            return EntityRecognizer.Load(path);
        }
        catch (InvalidDataException e)
        {
            error.WriteLine($"error: {e.Message}");
            return null;
        }
    }

    /// <summary>Reads an IOB file, or returns null after writing the file, line and problem to <paramref name="error"/>.</summary>
    public static List<IobSentence>? ReadIob(string path, IobLayout? layout, TextWriter error)
    {
        if (!File.Exists(path))
        {
            error.WriteLine($"error: {path} does not exist.");
            return null;
        }
        try
        {
            return IobFile.Read(path, layout);
        }
        catch (FormatException e)
        {
            error.WriteLine($"error: {e.Message}");
            return null;
        }
    }
}
