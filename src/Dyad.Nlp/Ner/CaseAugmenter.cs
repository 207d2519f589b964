namespace Dyad.Nlp.Ner;

/// <summary>
/// Adds training copies of sentences with entities written all in lower case or all in capitals. Web and social text
/// often drops capitals ("going to baguio", "taco bell") and headlines shout ("UNITED WAY"), yet nearly every name in
/// the training data is capitalized, so the model learns to trust capitalization alone; the copies make it lean on
/// the words, their context and the gazetteer's uncased matches too. Gold spans are unchanged by re-casing.
/// </summary>
internal static class CaseAugmenter
{
    public static List<NerExample> Augment(IReadOnlyList<NerExample> examples, int lowerCopies, int upperCopies, int seed)
    {
        var result = new List<NerExample>(examples);
        var withEntities = new List<NerExample>();
        foreach (var example in examples)
            if (example.Entities.Length > 0 && example.Tokens.Length >= 3) withEntities.Add(example);
        if (withEntities.Count == 0) return result;
        var random = new Random(seed);
        for (int c = 0; c < lowerCopies + upperCopies; c++)
        {
            var source = withEntities[random.Next(withEntities.Count)];
            bool upper = c >= lowerCopies;
            var tokens = new string[source.Tokens.Length];
            for (int i = 0; i < tokens.Length; i++)
                tokens[i] = upper ? source.Tokens[i].ToUpperInvariant() : source.Tokens[i].ToLowerInvariant();
            result.Add(new NerExample(tokens, source.Entities));
        }
        return result;
    }
}
