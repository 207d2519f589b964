using Dyad.Text;

namespace Dyad.Nlp.Tests;

public class HyphenatedNamesTests
{
    /// <summary>Tokens as the tokenizer splits them: a hyphen written without spaces touches both neighbours.</summary>
    private static Sentence Split(string text)
    {
        var tokens = new List<Token>();
        int at = 0;
        foreach (var word in text.Split(' '))
        {
            var parts = word.Replace("-", " - ").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            foreach (var part in parts) { tokens.Add(new Token(at, at + part.Length, part)); at += part.Length; }
            at++;
        }
        return new Sentence(0, at, [.. tokens]);
    }

    [Fact]
    public void Hyphenated_parts_of_a_multi_word_name_are_joined()
    {
        HyphenatedNames.Find(Split("Kim Jong Un met Moon Jae-in ."))!.ShouldBe([0, 1, 2, 3, 4, 5, 5, 5, 6]);
        HyphenatedNames.Find(Split("Kassym-Jomart Tokayev met Xi ."))!.ShouldBe([0, 0, 0, 1, 2, 3, 4]);
    }

    [Fact]
    public void Hyphenated_modifiers_titles_and_word_pairs_stay_split()
    {
        HyphenatedNames.Find(Split("The US-led coalition met Russia-Ukraine envoys .")).ShouldBeNull();
        HyphenatedNames.Find(Split("UN Secretary-General Kofi Annan spoke .")).ShouldBeNull();
        HyphenatedNames.Find(Split("the Apollo-era Saturn rocket")).ShouldBeNull();
        HyphenatedNames.Find(Split("the Council on American-Islamic Relations")).ShouldBeNull();
    }

    [Fact]
    public void The_parts_of_a_joined_name_get_its_tag_and_attachment_back()
    {
        var sentence = Split("Moon Jae-in met Kim .");
        var map = HyphenatedNames.Find(sentence)!;
        var joined = HyphenatedNames.Join(sentence, map);
        joined.Tokens.Select(t => t.Text).ShouldBe(["Moon", "Jae-in", "met", "Kim", "."]);
        joined.Upos = ["PROPN", "PROPN", "VERB", "PROPN", "PUNCT"];
        joined.Xpos = ["NNP", "NNP", "VBD", "NNP", "."];
        joined.Feats = ["_", "_", "_", "_", "_"];
        joined.Lemmas = ["Moon", "Jae-in", "meet", "Kim", "."];
        joined.Heads = [3, 1, 0, 3, 3];
        joined.Relations = ["nsubj", "flat", "root", "obj", "punct"];
        HyphenatedNames.Expand(joined, sentence, map);
        sentence.Heads.ShouldBe([5, 1, 4, 1, 0, 5, 5]);
        sentence.Relations.ShouldBe(["nsubj", "flat", "punct", "flat", "root", "obj", "punct"]);
        sentence.Upos.ShouldBe(["PROPN", "PROPN", "PUNCT", "PROPN", "VERB", "PROPN", "PUNCT"]);
        sentence.Lemmas![3].ShouldBe("in");
    }
}
