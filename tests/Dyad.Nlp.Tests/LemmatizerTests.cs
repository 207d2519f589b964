using Dyad.Nlp.Lemmatization;
using Dyad.Tests;
using Dyad.Text;

namespace Dyad.Nlp.Tests;

public class LemmatizerTests
{
    private static readonly Lemmatizer Tiny = Lemmatizer.Train(TinyTreebank.Sentences, lexiconDirectory: null);

    [Fact]
    public void RemembersTrainingForms()
    {
        Tiny.Lemmatize("men", "NOUN", "NNS", "Number=Plur").ShouldBe("man");
        Tiny.Lemmatize("were", "AUX", "VBD", "_").ShouldBe("be");
        Tiny.Lemmatize("The", "DET", "DT", "_").ShouldBe("the");
    }

    [Fact]
    public void LearnedSuffixRulesCoverUnseenWords()
    {
        // Only "-ed" -> "" and "-s" -> "" are in the tiny treebank; the words below are not.
        Tiny.Lemmatize("shouted", "VERB", "VBD", "_").ShouldBe("shout");
        Tiny.Lemmatize("Soldiers", "NOUN", "NNS", "Number=Plur").ShouldBe("soldier");
    }

    [Fact]
    public void ProperNounsKeepTheirForm()
    {
        Tiny.Lemmatize("Kazakhstan", "PROPN", "NNP", "Number=Sing").ShouldBe("Kazakhstan");
        Tiny.Lemmatize("NATO", "PROPN", "NNP", "Number=Sing").ShouldBe("NATO");
    }

    [Fact]
    public void LowercaseOrAllCapsNamesTakeTheCaseTrainingSawThemIn()
    {
        Tiny.Lemmatize("moscow", "PROPN", "NNP", "Number=Sing").ShouldBe("Moscow");
        Tiny.Lemmatize("PARIS", "PROPN", "NNP", "Number=Sing").ShouldBe("Paris");
        Tiny.Lemmatize("kabul", "PROPN", "NNP", "Number=Sing").ShouldBe("kabul"); // never seen: the form stays
    }

    [Fact]
    public void StretchedWordsLemmatizeAsThePlainWord()
    {
        Tiny.Lemmatize("oftennnn", "ADV", "RB", "_").ShouldBe("often");
        Tiny.Lemmatize("ofttttten", "ADV", "RB", "_").ShouldBe("often");
    }

    [Fact]
    public void ContractedSIsHaveBeforeAParticipleOnly()
    {
        string[] words = ["she", "'s", "been", "here", "and", "it", "'s", "not", "late"];
        string[] xpos = ["PRP", "VBZ", "VBN", "RB", "CC", "PRP", "VBZ", "RB", "JJ"];
        string[] upos = ["PRON", "AUX", "AUX", "ADV", "CCONJ", "PRON", "AUX", "PART", "ADJ"];
        var lemmas = new string[words.Length];
        Tiny.Lemmatize(words, upos, xpos, Enumerable.Repeat("_", words.Length).ToArray(), lemmas);
        lemmas[1].ShouldBe("have");
        lemmas[6].ShouldNotBe("have");
    }

    [Fact]
    public void FillsASentence()
    {
        string[] words = ["Police", "walked", "."];
        var tokens = words.Select((w, i) => new Token(i * 10, i * 10 + w.Length, w)).ToArray();
        var sentence = new Sentence(0, 30, tokens)
        {
            Upos = ["NOUN", "VERB", "PUNCT"], Xpos = ["NNS", "VBD", "."], Feats = ["Number=Plur", "_", "_"],
        };
        Tiny.Lemmatize(sentence);
        sentence.Lemmas.ShouldBe(new[] { "police", "walk", "." });
    }

    [Fact]
    public void UntaggedSentenceIsAClearError()
    {
        var sentence = new Sentence(0, 3, [new Token(0, 3, "Hi!")]);
        Should.Throw<InvalidOperationException>(() => Tiny.Lemmatize(sentence)).Message.ShouldContain("tagged");
    }

    [Fact]
    public void SaveAndLoadGiveIdenticalOutput()
    {
        var stream = new MemoryStream();
        Tiny.Save(stream);
        stream.Position = 0;
        var loaded = Lemmatizer.Load(stream);
        (string, string, string)[] probes = [("arrested", "VERB", "VBN"), ("Ministers", "NOUN", "NNS"), ("Paris", "PROPN", "NNP"), ("quickly", "ADV", "RB")];
        foreach (var (form, upos, xpos) in probes)
            loaded.Lemmatize(form, upos, xpos, "_").ShouldBe(Tiny.Lemmatize(form, upos, xpos, "_"));
    }

    [SkippableFact]
    public void LexiconsSupplyIrregularForms()
    {
        var lexicon = SharedData.Require("lexicon/wordnet-3.0/verb.exc");
        var lemmatizer = Lemmatizer.Train(TinyTreebank.Sentences, Path.GetDirectoryName(Path.GetDirectoryName(lexicon)));
        lemmatizer.Lemmatize("fled", "VERB", "VBD", "_").ShouldBe("flee");
        lemmatizer.Lemmatize("Children", "NOUN", "NNS", "Number=Plur").ShouldBe("child");
        lemmatizer.Lemmatize("worse", "ADJ", "JJR", "Degree=Cmp").ShouldBe("bad");
        lemmatizer.Lemmatize("stopped", "VERB", "VBD", "_").ShouldBe("stop");
        lemmatizer.Lemmatize("hoped", "VERB", "VBN", "_").ShouldBe("hope");
    }

    [Fact]
    public void NumbersLoseThousandsSeparators() =>
        Tiny.Lemmatize("12,000", "NUM", "CD", "NumForm=Digit|NumType=Card").ShouldBe("12000");

    [Fact]
    public void RejectsAFileThatIsNotAModel()
    {
        var stream = new MemoryStream("DYADTAGRxxxxxxxx"u8.ToArray());
        Should.Throw<InvalidDataException>(() => Lemmatizer.Load(stream)).Message.ShouldContain("header");
    }
}
