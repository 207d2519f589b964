using Dyad.Nlp.Ner;
using Dyad.Text;

namespace Dyad.Nlp.Tests.Ner;

/// <summary>Trains on a tiny invented fixture (seconds), so the learning, decoding and serialization paths are covered without the full data.</summary>
public class EntityRecognizerTrainingTests
{
    private static readonly string[] People = ["Talia Brennock", "Osric Vell", "Mirela Dunholt", "Kasimir Oyelaran", "Annik Sorvald", "Prosper Meeks"];
    private static readonly string[] Places = ["Valmora", "Ostrand", "Kelby", "Tarrow", "Brisk"];
    private static readonly string[] Bodies = ["Northern Grain Council", "Ostrand Rail Union", "Harbor Workers League"];

    private static NerExample Example(string text)
    {
        // Entities are written [TYPE words]; everything else is a plain token.
        var tokens = new List<string>();
        var spans = new List<EntitySpan>();
        var parts = text.Split(' ');
        for (int i = 0; i < parts.Length; i++)
        {
            if (!parts[i].StartsWith('[')) { tokens.Add(parts[i]); continue; }
            string type = parts[i][1..];
            int start = tokens.Count;
            while (!parts[++i].EndsWith(']')) tokens.Add(parts[i]);
            tokens.Add(parts[i][..^1]);
            spans.Add(new EntitySpan(start, tokens.Count, type));
        }
        return new NerExample(tokens.ToArray(), spans.ToArray());
    }

    internal static List<NerExample> Fixture()
    {
        var examples = new List<NerExample>();
        for (int i = 0; i < 24; i++)
        {
            string person = People[i % People.Length], place = Places[i % Places.Length], body = Bodies[i % Bodies.Length];
            examples.Add(Example($"Minister [PER {person}] arrived in [LOC {place}] on Monday ."));
            examples.Add(Example($"The [ORG {body}] said it would meet in [LOC {place}] ."));
            examples.Add(Example($"officials from the [ORG {body}] criticised [PER {person}] , a spokesman said ."));
            examples.Add(Example($"rain fell across the region and prices rose again ."));
        }
        return examples;
    }

    private static EntityRecognizer TrainSmall() =>
        EntityRecognizer.Train(Fixture(), null, Gazetteer.Empty, new NerTrainingOptions { Epochs = 4, Seed = 7, DatelineCopies = 0, LowercaseCopies = 0, UppercaseCopies = 0 });

    [Fact]
    public void LearnsTheFixtureAndGeneralizesToAnUnseenNameAfterATitle()
    {
        var recognizer = TrainSmall();
        var spans = recognizer.Recognize(["Minister", "Bertil", "Ahonen", "arrived", "in", "Kelby", "on", "Monday", "."]);
        spans.ShouldContain(new EntitySpan(1, 3, "PER"));
        spans.ShouldContain(new EntitySpan(5, 6, "LOC"));
        recognizer.Recognize(["rain", "fell", "again", "."]).ShouldBeEmpty();
    }

    [Fact]
    public void TrainingIsDeterministic()
    {
        var first = new MemoryStream();
        var second = new MemoryStream();
        TrainSmall().Save(first);
        TrainSmall().Save(second);
        first.ToArray().ShouldBe(second.ToArray());
    }

    [Fact]
    public void SaveLoadRoundTripKeepsPredictions()
    {
        var recognizer = TrainSmall();
        var stream = new MemoryStream();
        recognizer.Save(stream);
        stream.Position = 0;
        var loaded = EntityRecognizer.Load(stream);
        loaded.FeatureCount.ShouldBe(recognizer.FeatureCount);
        foreach (var example in Fixture().Take(8))
            loaded.Recognize(example.Tokens).ShouldBe(recognizer.Recognize(example.Tokens));
    }

    [Fact]
    public void LoadRejectsSomethingElse()
    {
        Should.Throw<InvalidDataException>(() => EntityRecognizer.Load(new MemoryStream([1, 2, 3, 4])));
        Should.Throw<InvalidDataException>(() => EntityRecognizer.Load(new MemoryStream()));
    }

    [Fact]
    public void EmptySentenceHasNoEntities()
    {
        var sentence = new Sentence(0, 0, []);
        TrainSmall().Recognize(sentence);
        sentence.Entities.ShouldBeEmpty();
        sentence.Demonyms.ShouldBeEmpty();
    }
}

public class DatelineAugmenterTests
{
    [Fact]
    public void CopiesGainADatelineAndKeepTheirEntitiesAligned()
    {
        var examples = EntityRecognizerTrainingTests.Fixture();
        var augmented = DatelineAugmenter.Augment(examples, copies: 50, seed: 3);
        augmented.Count.ShouldBeGreaterThan(examples.Count);
        foreach (var copy in augmented.Skip(examples.Count))
        {
            copy.Entities[0].Type.ShouldBe("LOC");
            copy.Entities[0].Start.ShouldBe(0);
            copy.Tokens.ShouldContain(t => t == "-" || t == "--");
            foreach (var span in copy.Entities)
                span.End.ShouldBeLessThanOrEqualTo(copy.Tokens.Length);
            // The body keeps its own entity words under its shifted spans.
            var body = examples.First(e => e.Tokens.Length < copy.Tokens.Length && copy.Tokens.AsSpan(copy.Tokens.Length - e.Tokens.Length).SequenceEqual(e.Tokens));
            copy.Entities.Length.ShouldBeGreaterThanOrEqualTo(body.Entities.Length + 1);
        }
        DatelineAugmenter.Augment(examples, 50, 3).Skip(examples.Count).Select(e => string.Join(' ', e.Tokens))
            .ShouldBe(augmented.Skip(examples.Count).Select(e => string.Join(' ', e.Tokens)));
    }
}

public class CaseAugmenterTests
{
    [Fact]
    public void CopiesAreRecasedSentencesWithEntitiesAndKeepTheirSpans()
    {
        var examples = EntityRecognizerTrainingTests.Fixture();
        var augmented = CaseAugmenter.Augment(examples, lowerCopies: 30, upperCopies: 10, seed: 5);
        augmented.Count.ShouldBe(examples.Count + 40);
        var copies = augmented.Skip(examples.Count).ToList();
        for (int c = 0; c < copies.Count; c++)
        {
            var copy = copies[c];
            copy.Entities.ShouldNotBeEmpty();
            // The source is the original sentence spelt the same way apart from case.
            var source = examples.First(e => e.Tokens.Length == copy.Tokens.Length
                && e.Tokens.Zip(copy.Tokens).All(p => string.Equals(p.First, p.Second, StringComparison.OrdinalIgnoreCase)));
            copy.Entities.ShouldBe(source.Entities);
            string text = string.Join(' ', copy.Tokens);
            text.ShouldBe(c < 30 ? text.ToLowerInvariant() : text.ToUpperInvariant());
        }
        CaseAugmenter.Augment(examples, 30, 10, 5).Skip(examples.Count).Select(e => string.Join(' ', e.Tokens))
            .ShouldBe(copies.Select(e => string.Join(' ', e.Tokens)));
    }
}
