namespace Dyad.Knowledge.Dictionaries;

/// <summary>The PETRARCH/Phoenix dictionaries Dyad ships (compiled by <c>dyad dict import</c>), and how to read any such set.</summary>
public static class ShippedDictionaries
{
    public const string SourceFolder = "cameo/petrarch2-dictionaries";
    public static readonly string[] ActorFiles = ["Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"];
    public const string AgentFile = "Phoenix.agents.txt";
    public const string DiscardFile = "Phoenix.discards.txt";
    public const string CompiledFileName = "actors.dict.tsv.gz";

    /// <summary>Reads one dictionary file; its kind comes from the name (*.agents.*, *.discards.*, else actors).</summary>
    public static void ReadFile(string path, ActorDictionary into)
    {
        var reader = new PetrarchDictionaryReader();
        var name = Path.GetFileName(path);
        using (var text = new StreamReader(path))
        {
            switch (KindOf(name))
            {
                case DictionaryKind.Agents: into.AddAgents(reader.ReadAgents(text, name)); break;
                case DictionaryKind.Discards: into.AddDiscards(reader.ReadDiscards(text, name)); break;
                default: into.AddActors(reader.ReadActors(text, name)); break;
            }
        }
        into.AddProblems(reader.Problems);
    }

    public enum DictionaryKind { Actors, Agents, Discards, User }

    public static DictionaryKind KindOf(string fileName)
    {
        var lower = Path.GetFileName(fileName).ToLowerInvariant();
        if (lower.EndsWith(".tsv", StringComparison.Ordinal) || UserDictionary.IsYaml(lower)) return DictionaryKind.User;
        if (lower.Contains("agents", StringComparison.Ordinal)) return DictionaryKind.Agents;
        if (lower.Contains("discards", StringComparison.Ordinal)) return DictionaryKind.Discards;
        return DictionaryKind.Actors;
    }

    /// <summary>Reads the Phoenix actor, agent and discard dictionaries from a shared-data folder (the one holding cameo/).</summary>
    public static ActorDictionary ReadPhoenix(string sharedDataRoot)
    {
        var folder = Path.Combine(sharedDataRoot, SourceFolder);
        var dict = new ActorDictionary();
        foreach (var f in ActorFiles) ReadFile(Path.Combine(folder, f), dict);
        ReadFile(Path.Combine(folder, AgentFile), dict);
        ReadFile(Path.Combine(folder, DiscardFile), dict);
        return dict;
    }
}
