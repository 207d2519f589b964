using System.CommandLine;

namespace Dyad.Cli.Commands;

/// <summary>`dyad train &lt;stage&gt;`: trains one pipeline stage's model from annotated data.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var command = new Command("train", "Train a model from annotated data.");
        foreach (var subcommand in Subcommands())
            command.Subcommands.Add(subcommand);
        return command;
    }

    /// <summary>One line per trainable stage.</summary>
    private static IEnumerable<Command> Subcommands()
    {
        yield return TrainClustersCommand.Create();
        yield return TrainNerCommand.Create();
        yield return TrainNlpCommand.Create();
    }
}
