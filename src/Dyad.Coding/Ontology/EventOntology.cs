using System.Globalization;
using System.Reflection;
using System.Text;

namespace Dyad.Coding.Ontology;

/// <summary>
/// The CAMEO event code table (names, roots, quad classes, Goldstein scores, PLOVER mapping). The compiled table
/// (models/cameo-ontology.tsv, built by <see cref="OntologyBuilder"/>) is embedded in this assembly, so loading needs no files.
/// </summary>
public sealed class EventOntology
{
    internal const string ResourceName = "Dyad.Coding.cameo-ontology.tsv";
    internal const string Header = "code\tname\troot\tquad\tgoldstein\tplover_type\tplover_mode\tplover_context";
    private static readonly Lazy<EventOntology> Embedded = new(LoadEmbedded);

    private readonly Dictionary<string, EventType> _byCode;

    public EventOntology(IEnumerable<EventType> types)
    {
        _byCode = new Dictionary<string, EventType>(StringComparer.Ordinal);
        foreach (var type in types) _byCode[type.Code] = type;
    }

    /// <summary>Every event type, ordered by code.</summary>
    public IReadOnlyList<EventType> All => _byCode.Values.OrderBy(t => t.Code, StringComparer.Ordinal).ToList();

    public int Count => _byCode.Count;

    /// <summary>The ontology compiled into this assembly (shared, loaded once).</summary>
    public static EventOntology Load() => Embedded.Value;

    /// <summary>Reads a compiled ontology file (the TSV that <see cref="Write"/> produces).</summary>
    public static EventOntology Load(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        return Read(reader, path);
    }

    /// <summary>The event type of a CAMEO code ("011", "0211", "111", "1823"), or null when the code is unknown.</summary>
    public EventType? Lookup(string code) => _byCode.GetValueOrDefault(code);

    public bool Contains(string code) => _byCode.ContainsKey(code);

    public void Write(TextWriter writer)
    {
        writer.Write(Header + "\n");
        foreach (var t in All)
            writer.Write(string.Join('\t', t.Code, t.Name, t.Root, t.Quad.ToString(CultureInfo.InvariantCulture),
                t.Goldstein.ToString("0.0##", CultureInfo.InvariantCulture), t.PloverType, t.PloverMode, t.PloverContext) + "\n");
    }

    internal static EventOntology Read(TextReader reader, string name)
    {
        var types = new List<EventType>();
        string? line = reader.ReadLine();
        if (line != Header) throw new FormatException($"{name}:1: expected the header \"{Header}\"");
        int number = 1;
        while ((line = reader.ReadLine()) != null)
        {
            number++;
            if (line.Length == 0) continue;
            var f = line.Split('\t');
            if (f.Length != 8
                || !int.TryParse(f[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out int quad)
                || !double.TryParse(f[4], NumberStyles.Float, CultureInfo.InvariantCulture, out double goldstein))
                throw new FormatException($"{name}:{number}: expected 8 tab-separated fields with a numeric quad and Goldstein score");
            types.Add(new EventType(f[0], f[1], f[2], quad, goldstein, f[5], f[6]) { PloverContext = f[7] });
        }
        return new EventOntology(types);
    }

    private static EventOntology LoadEmbedded()
    {
        using var stream = typeof(EventOntology).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the compiled ontology resource {ResourceName} is missing from {typeof(EventOntology).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Read(reader, "models/cameo-ontology.tsv");
    }
}
