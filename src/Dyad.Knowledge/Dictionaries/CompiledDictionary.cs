using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Dyad.Knowledge.Dictionaries;

/// <summary>
/// Dyad's compiled dictionary: gzip'd UTF-8 TSV with a versioned header, written by <c>dyad dict import</c> to
/// models/actors.dict.tsv.gz. Rows (fields separated by tabs):
/// <code>
/// #dyad-actors  1
/// S  id  file                                  source dictionaries (provenance)
/// A  phrase  root  rule  file-id  line  default  restrictions
/// G  phrase  root  rule  file-id  line  code  Suffix|Prefix
/// D  phrase  story(0/1)  word-end(0/1)  file-id  line
/// </code>
/// default = CODE@line or empty; restrictions = CODE@from@to@line joined by ';' (dates yyyy-MM-dd, empty = open).
/// </summary>
public static class CompiledDictionary
{
    public const string Header = "#dyad-actors\t1";

    public static void Save(ActorDictionary dict, string path)
    {
        var files = new Dictionary<string, int>(StringComparer.Ordinal);
        int FileId(string f) { if (!files.TryGetValue(f, out var id)) files[f] = id = files.Count; return id; }
        var body = new StringBuilder();
        foreach (var a in dict.Actors)
        {
            body.Append("A\t").Append(a.Phrase).Append('\t').Append(a.RootPhrase).Append('\t').Append(a.Rule).Append('\t')
                .Append(FileId(a.Source.File)).Append('\t').Append(a.Source.Line).Append('\t');
            if (a.Default != null) body.Append(a.Default.Code).Append('@').Append(a.Default.Source.Line);
            body.Append('\t');
            for (int i = 0; i < a.Restrictions.Count; i++)
            {
                var r = a.Restrictions[i];
                if (i > 0) body.Append(';');
                body.Append(r.Code).Append('@').Append(Date(r.When.From)).Append('@').Append(Date(r.When.To)).Append('@').Append(r.Source.Line);
            }
            body.Append('\n');
        }
        foreach (var g in dict.Agents)
            body.Append("G\t").Append(g.Phrase).Append('\t').Append(g.RootPhrase).Append('\t').Append(g.Rule).Append('\t')
                .Append(FileId(g.Source.File)).Append('\t').Append(g.Source.Line).Append('\t').Append(g.Code).Append('\t').Append(g.Position).Append('\n');
        foreach (var d in dict.Discards)
            body.Append("D\t").Append(d.Phrase).Append('\t').Append(d.WholeStory ? 1 : 0).Append('\t').Append(d.WholeWord ? 1 : 0).Append('\t')
                .Append(FileId(d.Source.File)).Append('\t').Append(d.Source.Line).Append('\n');

        using var stream = new GZipStream(File.Create(path), CompressionLevel.SmallestSize);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\n" };
        writer.WriteLine(Header);
        foreach (var (file, id) in files) writer.WriteLine($"S\t{id}\t{file}");
        writer.Write(body);
    }

    private static string Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    /// <summary>
    /// The shipped actor dictionary: the compiled Phoenix dictionaries with Dyad's list of recent office holders
    /// (models/actors.recent.tsv) laid over them, so "Macron" in 2020 is FRAGOV although Phoenix stops in 2014.
    /// </summary>
    public static ActorDictionary LoadShipped()
    {
        var dictionary = Load(ModelFiles.Find(ModelFiles.ActorDictionary));
        if (ModelFiles.TryFind(ModelFiles.RecentOfficials) is { } recent) dictionary.Override(UserDictionary.Load(recent));
        return dictionary;
    }

    public static ActorDictionary Load(string path)
    {
        using var stream = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Read(reader, path);
    }

    public static ActorDictionary Read(TextReader reader, string path)
    {
        var header = reader.ReadLine();
        if (header != Header) throw new FormatException($"{path}:1: not a compiled Dyad dictionary of this version (expected '{Header.Replace("\t", "<TAB>")}', found '{header}')");
        var files = new List<string>();
        var actors = new List<ActorEntry>();
        var agents = new List<AgentEntry>();
        var discards = new List<DiscardEntry>();
        int lineNumber = 1;
        for (var line = reader.ReadLine(); line != null; line = reader.ReadLine())
        {
            lineNumber++;
            var f = line.Split('\t');
            try
            {
                switch (f[0])
                {
                    case "S":
                        files.Add(f[2]);
                        break;
                    case "A":
                    {
                        var file = files[int.Parse(f[4], CultureInfo.InvariantCulture)];
                        DatedCode? def = null;
                        if (f[6].Length > 0)
                        {
                            var at = f[6].LastIndexOf('@');
                            def = new DatedCode(f[6][..at], DateInterval.Always, new SourceLocation(file, int.Parse(f[6][(at + 1)..], CultureInfo.InvariantCulture)));
                        }
                        var restrictions = new List<DatedCode>();
                        if (f[7].Length > 0)
                            foreach (var r in f[7].Split(';'))
                            {
                                var p = r.Split('@');
                                restrictions.Add(new DatedCode(p[0], new DateInterval(ParseDate(p[1]), ParseDate(p[2])),
                                    new SourceLocation(file, int.Parse(p[3], CultureInfo.InvariantCulture))));
                            }
                        actors.Add(new ActorEntry(f[1], f[2], Enum.Parse<EntryRule>(f[3]), new SourceLocation(file, int.Parse(f[5], CultureInfo.InvariantCulture)), def, restrictions));
                        break;
                    }
                    case "G":
                        agents.Add(new AgentEntry(f[1], f[2], Enum.Parse<EntryRule>(f[3]),
                            new SourceLocation(files[int.Parse(f[4], CultureInfo.InvariantCulture)], int.Parse(f[5], CultureInfo.InvariantCulture)),
                            f[6], Enum.Parse<AgentPosition>(f[7])));
                        break;
                    case "D":
                        discards.Add(new DiscardEntry(f[1], f[2] == "1", f[3] == "1",
                            new SourceLocation(files[int.Parse(f[4], CultureInfo.InvariantCulture)], int.Parse(f[5], CultureInfo.InvariantCulture))));
                        break;
                    default:
                        throw new FormatException($"unknown row kind '{f[0]}'");
                }
            }
            catch (Exception e) when (e is FormatException or IndexOutOfRangeException or ArgumentException or OverflowException)
            {
                throw new FormatException($"{path}:{lineNumber}: malformed compiled dictionary row ({e.Message})", e);
            }
        }
        var dict = new ActorDictionary();
        dict.AddActors(actors);
        dict.AddAgents(agents);
        dict.AddDiscards(discards);
        return dict;
    }

    private static DateOnly? ParseDate(string s) =>
        s.Length == 0 ? null : DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
