using System.Text.Json;

namespace Dyad.Knowledge.Learning;

/// <summary>
/// Learned people across documents, kept in memory and saved as JSON Lines (one <see cref="LearnedActor"/> a line).
/// A learned role applies from <see cref="ToleranceDays"/> before it was first seen to <see cref="ToleranceDays"/>
/// after it was last seen: news states a role while it is held, and a year covers the usual gap between mentions
/// without carrying a title over a whole term of office. See docs/actors.md, "Actors learned from the news".
/// </summary>
public sealed class LearnedActorStore
{
    public const int ToleranceDays = 365;

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private readonly List<LearnedActor> _actors = [];

    public IReadOnlyList<LearnedActor> Actors => _actors;

    /// <summary>Adds learned records; one of the same name and code widens the existing record instead of repeating it.</summary>
    public void Add(IEnumerable<LearnedActor> learned)
    {
        foreach (var a in learned)
        {
            int same = _actors.FindIndex(x => x.SameRole(a));
            if (same >= 0) _actors[same] = _actors[same].Merge(a);
            else _actors.Add(a);
        }
    }

    /// <summary>The first day a learned role applies.</summary>
    public static DateOnly ValidFrom(LearnedActor a) => a.FirstSeen.AddDays(-ToleranceDays);

    /// <summary>The last day a learned role applies (inclusive).</summary>
    public static DateOnly ValidTo(LearnedActor a) => a.LastSeen.AddDays(ToleranceDays);

    /// <summary>The learned roles of the person named exactly <paramref name="name"/> (case ignored) that apply on <paramref name="date"/>.</summary>
    public IReadOnlyList<LearnedActor> Lookup(string name, DateOnly date)
    {
        var found = new List<LearnedActor>();
        foreach (var a in _actors)
            if (string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase) && date >= ValidFrom(a) && date <= ValidTo(a))
                found.Add(a);
        return found;
    }

    /// <summary>The learned people whose roles apply on <paramref name="date"/>, as a within-document memory seeded from the store.</summary>
    public DocumentActorMemory MemoryFor(DateOnly date)
    {
        var applying = new List<LearnedActor>();
        foreach (var a in _actors)
            if (date >= ValidFrom(a) && date <= ValidTo(a)) applying.Add(a);
        return new DocumentActorMemory(applying);
    }

    public void Save(TextWriter writer)
    {
        foreach (var a in _actors) writer.WriteLine(JsonSerializer.Serialize(a, Json));
    }

    /// <summary>Reads JSON Lines written by <see cref="Save"/>; a bad line is an error naming the file and line.</summary>
    public static LearnedActorStore Load(TextReader reader, string fileName)
    {
        var store = new LearnedActorStore();
        int lineNumber = 0;
        for (var line = reader.ReadLine(); line != null; line = reader.ReadLine())
        {
            lineNumber++;
            if (line.Trim().Length == 0) continue;
            LearnedActor? a;
            try { a = JsonSerializer.Deserialize<LearnedActor>(line, Json); }
            catch (JsonException e) { throw new FormatException($"{fileName}:{lineNumber}: not a learned actor record: {e.Message}", e); }
            if (a == null || string.IsNullOrWhiteSpace(a.Name) || string.IsNullOrWhiteSpace(a.Code) || a.Evidence == null || a.Evidence.Count == 0)
                throw new FormatException($"{fileName}:{lineNumber}: a learned actor needs a name, a code and at least one evidence sentence");
            if (a.LastSeen < a.FirstSeen)
                throw new FormatException($"{fileName}:{lineNumber}: lastSeen {a.LastSeen:yyyy-MM-dd} is before firstSeen {a.FirstSeen:yyyy-MM-dd}");
            store.Add([a]);
        }
        return store;
    }

    /// <summary>
    /// Writes the learned people as a TSV user dictionary (NAME CODE FROM TO, the tolerance already applied), each row
    /// after a comment citing its first evidence sentence, for a person to review and load with <c>--user</c>. With
    /// <paramref name="dictionary"/>, the comment also says whether the row is new, confirms it or differs from it.
    /// </summary>
    public void ExportUserDictionary(TextWriter writer, Dictionaries.ActorDictionary? dictionary = null)
    {
        writer.WriteLine("# Actors learned from the news (dyad). Review each row before use; the dates include a "
            + $"{ToleranceDays}-day tolerance around the dates the role was seen.");
        foreach (var a in _actors)
        {
            // A tab or '#' in a name would break the TSV row; such a name cannot be written as a user entry.
            if (a.Name.IndexOfAny(['\t', '#', '\n', '\r']) >= 0) continue;
            var e = a.Evidence[0];
            var agreement = dictionary == null ? "" : $"; dictionary: {DictionaryAgreement.Of(a, dictionary).Describe()}";
            writer.WriteLine($"# {a.Name} = {a.Title} ({a.Code}), seen {a.FirstSeen:yyyy-MM-dd}..{a.LastSeen:yyyy-MM-dd} in "
                + $"{a.Evidence.Count} sentence(s){agreement}; {e.DocumentId} sentence {e.SentenceIndex}: {OneLine(e.Text)}");
            writer.WriteLine($"{a.Name}\t{a.Code}\t{ValidFrom(a):yyyy-MM-dd}\t{ValidTo(a):yyyy-MM-dd}");
        }
    }

    private static string OneLine(string text) => text.Replace('\r', ' ').Replace('\n', ' ').Replace('\t', ' ');
}
