using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Dyad.Knowledge.Dictionaries;

/// <summary>
/// The YAML form of a user dictionary; same meaning as the TSV form, one item per entry:
/// <code>
/// actors:
///   - names: [Mike Pompeo, Secretary Pompeo]
///     codes:
///       - {code: USAGOV, from: 2018-04-26, to: 2021-01-20}
///       - {code: USAELI}
///   - name: Kassym-Jomart Tokayev
///     code: KAZGOV
///     from: 2019-03-20
/// agents:
///   - name: deputy foreign minister
///     code: ~GOV
/// </code>
/// Read through YamlDotNet's node model so that every problem can name the line it is on.
/// </summary>
public static class UserDictionaryYaml
{
    public static UserDictionary Read(TextReader reader, string fileName)
    {
        var dict = new UserDictionary();
        var stream = new YamlStream();
        try
        {
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            dict.Error(new SourceLocation(fileName, (int)e.Start.Line), $"not valid YAML: {e.Message}");
            return dict;
        }
        if (stream.Documents.Count == 0) return dict;
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            dict.Error(At(stream.Documents[0].RootNode), "expected a mapping with 'actors' and/or 'agents'");
            return dict;
        }
        foreach (var (keyNode, value) in root.Children)
        {
            var section = (keyNode as YamlScalarNode)?.Value;
            if (section is not ("actors" or "agents")) { dict.Error(At(keyNode), $"unknown section '{section}' (expected 'actors' or 'agents')"); continue; }
            if (value is not YamlSequenceNode items) { dict.Error(At(value), $"'{section}' must be a list of entries"); continue; }
            foreach (var item in items)
                ReadItem(dict, item, section == "agents");
        }
        dict.Finish();
        return dict;

        SourceLocation At(YamlNode node) => new(fileName, (int)node.Start.Line);

        void ReadItem(UserDictionary d, YamlNode node, bool agent)
        {
            if (node is not YamlMappingNode map) { d.Error(At(node), "an entry must be a mapping with name(s) and code(s)"); return; }
            var names = new List<string>();
            var codes = new List<(YamlNode Node, string Code, string? From, string? To)>();
            string? code = null, from = null, to = null;
            foreach (var (k, v) in map.Children)
            {
                var key = (k as YamlScalarNode)?.Value;
                switch (key)
                {
                    case "name": if (Scalar(v) is { } n) names.Add(n); break;
                    case "names":
                        if (v is YamlSequenceNode list) foreach (var x in list) { if (Scalar(x) is { } s) names.Add(s); }
                        else d.Error(At(v), "'names' must be a list");
                        break;
                    case "code": code = Scalar(v); break;
                    case "from": from = Scalar(v); break;
                    case "to": to = Scalar(v); break;
                    case "codes":
                        if (v is not YamlSequenceNode codeList) { d.Error(At(v), "'codes' must be a list"); break; }
                        foreach (var c in codeList)
                        {
                            if (c is not YamlMappingNode cm) { d.Error(At(c), "a 'codes' item must be a mapping with code, from, to"); continue; }
                            string? cc = null, cf = null, ct = null;
                            foreach (var (ck, cv) in cm.Children)
                                switch ((ck as YamlScalarNode)?.Value)
                                {
                                    case "code": cc = Scalar(cv); break;
                                    case "from": cf = Scalar(cv); break;
                                    case "to": ct = Scalar(cv); break;
                                    default: d.Error(At(ck), $"unknown key '{(ck as YamlScalarNode)?.Value}' in a code (expected code, from, to)"); break;
                                }
                            if (cc == null) d.Error(At(c), "a 'codes' item needs a code");
                            else codes.Add((c, cc, cf, ct));
                        }
                        break;
                    default: d.Error(At(k), $"unknown key '{key}' (expected name, names, code, from, to, codes)"); break;
                }
            }
            if (code != null) codes.Insert(0, (node, code, from, to));
            if (names.Count == 0) { d.Error(At(node), "entry has no name"); return; }
            if (codes.Count == 0) { d.Error(At(node), "entry has no code"); return; }
            foreach (var name in names)
                foreach (var (n, c, f, t) in codes)
                    d.AddRow(At(n), name, agent && !c.Contains('~') ? "~" + c : c, f, t);
        }

        string? Scalar(YamlNode node)
        {
            if (node is YamlScalarNode s && s.Value is { } v) return v;
            dict.Error(At(node), "expected a single value");
            return null;
        }
    }
}
