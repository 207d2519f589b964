using System.CommandLine;

namespace Dyad.Cli.Commands;

/// <summary>Every top-level command, in the order `dyad --help` lists them.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return TokenizeCommand.Create();
        yield return NerCommand.Create();
        yield return ParseCommand.Create();
        yield return CodeCommand.Create();
        yield return ExportCommand.Create();
        yield return IngestCommand.Create();
        yield return QueryCommand.Create();
        yield return StatsCommand.Create();
        yield return TopCommand.Create();
        yield return ActorsCommand.Create();
        yield return ServeCommand.Create();
        yield return ClusterCommand.Create();
        yield return EvalCommand.Create();
        yield return TrainCommand.Create();
        yield return DictCommand.Create();
        yield return LexiconCommand.Create();
        yield return VersionCommand.Create();
    }
}
