using System.CommandLine;

namespace Dyad.Cli.Commands;

/// <summary>Every top-level command, in the order `dyad --help` lists them.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return VersionCommand.Create();
        yield return NerCommand.Create();
        // The "eval" and "train" groups gather stage-specific subcommands; other stages add theirs beside these.
        yield return new Command("eval", "Score a pipeline stage against gold data.") { EvalNerCommand.Create() };
        yield return new Command("train", "Train a model from annotated data.") { TrainNerCommand.Create() };
    }
}
