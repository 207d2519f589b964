using System.CommandLine;

namespace Dyad.Cli.Commands;

/// <summary>`dyad eval &lt;stage&gt;`: scores one pipeline stage against gold data.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var command = new Command("eval", "Score a pipeline stage against gold data.");
        foreach (var subcommand in Subcommands())
            command.Subcommands.Add(subcommand);
        return command;
    }

    /// <summary>One line per evaluated stage.</summary>
    private static IEnumerable<Command> Subcommands()
    {
        yield return EvalTextCommand.Create();
        yield return EvalNerCommand.Create();
        yield return EvalNlpCommand.Create();
        yield return EvalEventsCommand.Create();
        yield return EvalPetrarchCommand.Create();
    }
}
