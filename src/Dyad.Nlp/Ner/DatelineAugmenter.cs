using Dyad.Text;

namespace Dyad.Nlp.Ner;

/// <summary>
/// Adds training copies that open with a news dateline ("NUR-SULTAN ( Reuters ) -", "Lagos , March 3 ( AFP ) --").
/// The treebank training text is web prose with almost no datelines, yet wire copy starts with one in nearly every
/// story; copies built from the training data's own place names teach the pattern (a capitalized place before an
/// agency in parentheses) without inventing any gold label the data does not already support.
/// </summary>
internal static class DatelineAugmenter
{
    // Our own list of wire services and broadcasters that sign datelines.
    private static readonly string[] Agencies =
        ["Reuters", "AP", "AFP", "Xinhua", "UPI", "dpa", "Bloomberg", "TASS", "Anadolu", "Yonhap", "Kyodo", "IRNA", "ANI", "PTI", "Interfax", "RIA"];
    private static readonly string[] Months = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"];

    public static List<NerExample> Augment(IReadOnlyList<NerExample> examples, int copies, int seed)
    {
        var places = new List<string[]>();
        foreach (var example in examples)
            foreach (var span in example.Entities)
                if (span.Type == "LOC" && span.Length <= 3 && char.IsUpper(example.Tokens[span.Start][0]))
                    places.Add(example.Tokens[span.Start..span.End]);
        var result = new List<NerExample>(examples);
        if (places.Count == 0 || examples.Count == 0) return result;

        var random = new Random(seed);
        for (int c = 0; c < copies; c++)
        {
            var body = examples[random.Next(examples.Count)];
            if (body.Tokens.Length < 4) continue;
            var place = places[random.Next(places.Count)];
            bool upper = random.Next(4) != 0;
            var tokens = new List<string>();
            foreach (var word in place) tokens.Add(upper ? word.ToUpperInvariant() : word);
            var spans = new List<EntitySpan> { new(0, tokens.Count, "LOC") };
            if (random.Next(3) == 0)
            {
                tokens.Add(",");
                tokens.Add(Months[random.Next(Months.Length)]);
                tokens.Add((1 + random.Next(28)).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            if (random.Next(6) != 0)
            {
                tokens.Add("(");
                spans.Add(new EntitySpan(tokens.Count, tokens.Count + 1, "ORG"));
                tokens.Add(Agencies[random.Next(Agencies.Length)]);
                tokens.Add(")");
            }
            tokens.Add(random.Next(3) == 0 ? "--" : "-");
            int offset = tokens.Count;
            tokens.AddRange(body.Tokens);
            foreach (var span in body.Entities) spans.Add(new EntitySpan(span.Start + offset, span.End + offset, span.Type));
            result.Add(new NerExample(tokens.ToArray(), spans.ToArray()));
        }
        return result;
    }
}
