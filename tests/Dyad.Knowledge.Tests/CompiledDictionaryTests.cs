using Dyad.Knowledge.Dictionaries;

namespace Dyad.Knowledge.Tests;

public class CompiledDictionaryTests
{
    [Fact]
    public void SaveAndLoadKeepCodesDatesAndProvenance()
    {
        var reader = new PetrarchDictionaryReader();
        var dict = new ActorDictionary();
        dict.AddActors(reader.ReadActors(new StringReader("NAZARBAYEV_\n+NURSULTAN_NAZARBAYEV\n\t[KAZGOV 900424-20190319]\n\t[KAZELI]\n"), "a.actors.txt"));
        dict.AddAgents(reader.ReadAgents(new StringReader("TROOP [~MIL]\n"), "a.agents.txt"));
        dict.AddDiscards(reader.ReadDiscards(new StringReader("+WORLD CUP\n"), "a.discards.txt"));
        var path = Path.Combine(Path.GetTempPath(), $"dyad-dict-{Guid.NewGuid():N}.tsv.gz");
        try
        {
            CompiledDictionary.Save(dict, path);
            var loaded = CompiledDictionary.Load(path);
            var m = loaded.ResolveActor("Nursultan Nazarbayev", new DateOnly(2019, 3, 19))!;
            m.Code!.Code.ShouldBe("KAZGOV");
            m.Code.Source.ShouldBe(new SourceLocation("a.actors.txt", 3));
            m.Entry.Source.ShouldBe(new SourceLocation("a.actors.txt", 2));
            m.Entry.Rule.ShouldBe(EntryRule.Synonym);
            loaded.ResolveActor("Nazarbayev", new DateOnly(2019, 3, 20))!.Code!.Code.ShouldBe("KAZELI");
            loaded.LookupAgent("troops").Single().Source.ShouldBe(new SourceLocation("a.agents.txt", 1));
            loaded.LookupDiscard("World Cup")!.WholeStory.ShouldBeTrue();
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AWrongHeaderIsRejectedWithTheFileName()
    {
        var e = Should.Throw<FormatException>(() => CompiledDictionary.Read(new StringReader("#dyad-actors\t0\n"), "old.tsv.gz"));
        e.Message.ShouldContain("old.tsv.gz:1");
    }
}
