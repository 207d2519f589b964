using Dyad.Text;

namespace Dyad.Coding.Tests.Setting;

/// <summary>The shipped models, loaded once for the date and place tests: text in, parsed document (and coded events) out.</summary>
public sealed class SettingPipeline : CodingPipelineFixture
{
    public AnnotatedDocument Parse(string text, DateOnly published) => Annotate(text, published);

    public IReadOnlyList<CodedEvent> Code(string text, DateOnly published) => Coder.Code(Parse(text, published));

    /// <summary>The index of the first token with this exact text in the sentence.</summary>
    public static int TokenIndex(Sentence sentence, string word)
    {
        for (int i = 0; i < sentence.Count; i++)
            if (sentence.Tokens[i].Text == word) return i;
        throw new ArgumentException($"'{word}' is not a token of the sentence");
    }
}

[CollectionDefinition(Name)]
public sealed class SettingCollection : ICollectionFixture<SettingPipeline>
{
    public const string Name = "setting pipeline";
}
