using Dyad.Text;
using Dyad.Text.Readers;
using Spectre.Console;

namespace Dyad.Cli.Input;

/// <summary>
/// Drives a command over its input documents: reads them, hands each to the command, reports every
/// skipped record on stderr (and in --rejects), shows progress on a terminal and ends with a summary.
/// </summary>
internal static class InputBatch
{
    /// <summary>Exit status when the run finished but some input records were skipped.</summary>
    public const int SkippedExitCode = 3;

    /// <summary>Reads every input; returns 0, or <see cref="SkippedExitCode"/> when anything was skipped.</summary>
    /// <param name="resultsOnStdout">True when the command writes its results to stdout: if that is the same
    /// terminal, a live progress line would be torn up by the results, so it is not shown.</param>
    /// <param name="summary">Counts documents read and skipped, when the caller wants them afterwards.</param>
    public static int Run(InputSettings settings, TextWriter error, Action<Document> handle, bool resultsOnStdout = true, InputSummary? summary = null)
    {
        summary ??= new InputSummary();
        using var rejects = settings.RejectsPath is { } path ? new RejectsWriter(path) : null;
        var outcomes = new CorpusReader(settings.Reader).Read(settings.Inputs);

        // Live progress only for a person watching: stderr is the real console and a terminal.
        bool live = !settings.NoProgress && ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected
            && !(resultsOnStdout && !Console.IsOutputRedirected);
        if (live)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            console.Status().Start("reading", context =>
            {
                // Redraw at most ten times a second: formatting the line per document would cost more than reading it.
                var clock = System.Diagnostics.Stopwatch.StartNew();
                long lastShown = -1000;
                Consume(outcomes, handle, summary, rejects, message => console.WriteLine(message, Style.Plain), () =>
                {
                    if (clock.ElapsedMilliseconds - lastShown < 100) return;
                    lastShown = clock.ElapsedMilliseconds;
                    context.Status($"{summary.Read:N0} documents, {summary.DocumentsPerSecond:N0}/s, {summary.Skipped:N0} skipped");
                });
            });
        }
        else
        {
            Consume(outcomes, handle, summary, rejects, error.WriteLine, static () => { });
        }

        error.WriteLine($"dyad: {summary.Line()}");
        return summary.Skipped > 0 ? SkippedExitCode : 0;
    }

    private static void Consume(IEnumerable<ReadOutcome> outcomes, Action<Document> handle, InputSummary summary,
        RejectsWriter? rejects, Action<string> report, Action progress)
    {
        foreach (var outcome in outcomes)
        {
            if (outcome.Document is { } document)
            {
                handle(document);
                summary.CountRead();
            }
            else
            {
                var rejection = outcome.Rejection!;
                summary.CountSkipped(rejection.Reason);
                report($"dyad: skipped {rejection}");
                rejects?.Write(rejection);
            }
            progress();
        }
    }
}
