using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Dyad.Coding.Ontology;

/// <summary>
/// Builds the event ontology from its published sources: GDELT's CAMEO.eventcodes.txt (code and name),
/// CAMEO.goldsteinscale.txt (Goldstein score) and the PLOVER project's CAMEO2PLOVER table (event type, mode, context).
/// Problems in the sources are collected as "file:line: message" warnings rather than stopping the build.
/// </summary>
public static partial class OntologyBuilder
{
    public const string EventCodesFile = "cameo/gdelt-lookups/CAMEO.eventcodes.txt";
    public const string GoldsteinFile = "cameo/gdelt-lookups/CAMEO.goldsteinscale.txt";
    public const string PloverFile = "plover/CAMEO2PLOVER-2021.txt";

    private sealed record PloverRow(string Type, string Mode, string Context, string Comment);

    /// <summary>Builds the ontology from the three files under a shared data folder (../shared/data).</summary>
    public static EventOntology Build(string sharedDataRoot, List<string> warnings) =>
        Build(Path.Combine(sharedDataRoot, EventCodesFile), Path.Combine(sharedDataRoot, GoldsteinFile),
              Path.Combine(sharedDataRoot, PloverFile), warnings);

    public static EventOntology Build(string eventCodesPath, string goldsteinPath, string ploverPath, List<string> warnings)
    {
        var names = ReadEventCodes(eventCodesPath, warnings);
        var goldstein = ReadGoldstein(goldsteinPath, warnings);
        var (plover, rootTypes) = ReadPlover(ploverPath, warnings);

        var types = new List<EventType>(names.Count);
        foreach (var (code, rawName) in names)
        {
            if (!goldstein.TryGetValue(code, out double score))
            {
                warnings.Add($"{goldsteinPath}: no Goldstein score for code {code}; using 0");
                score = 0;
            }
            var name = rawName;
            // GDELT's file carries Mac Roman quotes decoded as UTF-8 ("Ò...Ó"); PLOVER's comment has the clean wording.
            if (HasMojibake(name) && plover.TryGetValue(code, out var clean) && clean.Comment.Length > 0) name = clean.Comment;
            var (ploverType, ploverMode, ploverContext) = ResolvePlover(code, plover, rootTypes);
            string root = code[..2];
            types.Add(new EventType(code, name, root, EventType.QuadOf(root), score, ploverType, ploverMode) { PloverContext = ploverContext });
        }
        foreach (var code in plover.Keys)
            if (!names.ContainsKey(code)) warnings.Add($"{ploverPath}: code {code} is not in the CAMEO event code table; ignored");
        return new EventOntology(types);
    }

    /// <summary>
    /// The PLOVER mapping of a code: its own row, else its nearest listed ancestor's (a 4-digit code inherits from its
    /// 3-digit parent), else the type of its root's section header when the root maps to a single PLOVER type.
    /// </summary>
    private static (string Type, string Mode, string Context) ResolvePlover(string code, Dictionary<string, PloverRow> rows, Dictionary<string, string?> rootTypes)
    {
        for (var prefix = code; prefix.Length >= 3; prefix = prefix[..^1])
            if (rows.TryGetValue(prefix, out var row)) return (row.Type, row.Mode, row.Context);
        return rootTypes.TryGetValue(code[..2], out var type) && type != null ? (type, "", "") : ("", "", "");
    }

    private static SortedDictionary<string, string> ReadEventCodes(string path, List<string> warnings)
    {
        var names = new SortedDictionary<string, string>(StringComparer.Ordinal);
        int number = 0;
        foreach (var raw in File.ReadLines(path, Encoding.UTF8))
        {
            number++;
            var line = raw.TrimEnd('\r');
            if (number == 1 || line.Length == 0) continue;
            var fields = line.Split('\t');
            if (fields.Length != 2 || !IsCode(fields[0]))
            {
                warnings.Add($"{path}:{number}: expected CODE<TAB>NAME; line skipped");
                continue;
            }
            var name = fields[1].Trim();
            // GDELT's file merges one row into the previous one's name: "...engagement106:[-5.0] Demand withdrawal".
            var merged = MergedRow().Match(name);
            if (merged.Success)
            {
                warnings.Add($"{path}:{number}: split the merged row for code {merged.Groups[2].Value}");
                name = merged.Groups[1].Value.Trim();
                names[merged.Groups[2].Value] = merged.Groups[3].Value.Trim();
            }
            names[fields[0]] = name;
        }
        return names;
    }

    private static Dictionary<string, double> ReadGoldstein(string path, List<string> warnings)
    {
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        int number = 0;
        foreach (var raw in File.ReadLines(path, Encoding.UTF8))
        {
            number++;
            var line = raw.TrimEnd('\r');
            if (number == 1 || line.Length == 0) continue;
            var fields = line.Split('\t');
            if (fields.Length != 2 || !IsCode(fields[0])
                || !double.TryParse(fields[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double score) || score < -10 || score > 10)
            {
                warnings.Add($"{path}:{number}: expected CODE<TAB>SCORE with a score in -10..10; line skipped");
                continue;
            }
            scores[fields[0]] = score;
        }
        return scores;
    }

    /// <summary>Reads "code: TYPE, mode, context # comment" rows; "NN: TYPE" rows head a root's section.</summary>
    private static (Dictionary<string, PloverRow>, Dictionary<string, string?>) ReadPlover(string path, List<string> warnings)
    {
        var rows = new Dictionary<string, PloverRow>(StringComparer.Ordinal);
        var rootTypes = new Dictionary<string, string?>(StringComparer.Ordinal);
        int number = 0;
        foreach (var raw in File.ReadLines(path, Encoding.UTF8))
        {
            number++;
            var line = raw.TrimEnd('\r');
            if (line.StartsWith("~~~", StringComparison.Ordinal)) break; // end-of-table marker
            if (line.Trim().Length == 0 || line.StartsWith('#')) continue;
            int colon = line.IndexOf(':');
            var code = colon > 0 ? line[..colon].Trim() : "";
            if (!IsCode(code))
            {
                warnings.Add($"{path}:{number}: expected \"code: TYPE, mode, context\"; line skipped");
                continue;
            }
            var body = line[(colon + 1)..];
            int hash = body.IndexOf('#');
            var comment = hash >= 0 ? body[(hash + 1)..].Trim() : "";
            if (hash >= 0) body = body[..hash];
            var parts = body.Split(',');
            var type = parts[0].Trim();
            if (type.Length == 0 || !type.All(c => char.IsAsciiLetterUpper(c) || c == '_'))
            {
                warnings.Add($"{path}:{number}: missing or malformed PLOVER type; line skipped");
                continue;
            }
            if (code.Length == 2)
            {
                // Root 08 heads two sections (CONCEDE and RETREAT): such a root has no single type.
                rootTypes[code] = rootTypes.TryGetValue(code, out var seen) && seen != type ? null : type;
                continue;
            }
            var mode = parts.Length > 1 ? parts[1].Trim() : "";
            var context = parts.Length > 2 ? string.Join("; ", parts[2].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)) : "";
            if (rows.ContainsKey(code)) warnings.Add($"{path}:{number}: code {code} listed again; the later row wins");
            rows[code] = new PloverRow(type, mode, context, comment);
        }
        return (rows, rootTypes);
    }

    private static bool IsCode(string s) => s.Length is >= 2 and <= 4 && s.All(char.IsAsciiDigit);

    private static bool HasMojibake(string s) => s.Any(c => c is 'Ò' or 'Ó' or 'Õ' or 'Ô' or '\uFFFD');

    [GeneratedRegex(@"^(.*?)(\d{3,4}):\[-?\d+(?:\.\d+)?\]\s*(.+)$")]
    private static partial Regex MergedRow();
}
