using System.CommandLine;

namespace Dyad.Cli.Commands;

/// <summary>
/// The options that choose the models of the coding pipeline (shared by <c>dyad code</c>, <c>dyad ingest</c>,
/// <c>dyad serve</c> and <c>dyad cluster silo</c>), and loading them.
/// </summary>
internal sealed class CodingOptions
{
    public Option<DirectoryInfo?> Models { get; } = new("--models") { Description = "Models directory for the tagger, lemmatizer and parser (default: the models/ folder next to dyad or in the repository)." };
    public Option<string?> NerModel { get; } = new("--ner-model") { Description = $"NER model file (default models/{NerModelFile.DefaultName})." };
    public Option<string?> Actors { get; } = new("--actors") { Description = "User actor dictionary laid over the shipped one (docs/actors.md)." };

    public void AddTo(Command command)
    {
        command.Options.Add(Models);
        command.Options.Add(NerModel);
        command.Options.Add(Actors);
    }

    /// <summary>The loaded pipeline, or null after writing why to <paramref name="error"/>.</summary>
    public CodingPipeline? Load(ParseResult result, TextWriter error)
    {
        try
        {
            return CodingPipeline.Load(result.GetValue(Models)?.FullName, result.GetValue(NerModel), result.GetValue(Actors));
        }
        catch (PipelineLoadException e)
        {
            error.WriteLine(e.Message.StartsWith("error:", StringComparison.Ordinal) ? e.Message : "dyad: " + e.Message);
            return null;
        }
    }
}
