using System.CommandLine;
using System.Reflection;
using System.Threading.Channels;
using Dyad.Cli.Input;
using Dyad.Cluster.Grains;
using Dyad.Cluster.Submit;

namespace Dyad.Cli.Commands;

/// <summary>
/// <c>dyad cluster submit</c>: reads the inputs like <c>dyad ingest</c>, cuts them into work items and streams them
/// to the silos with bounded work in flight per silo. Re-running it resumes: the silos skip stored documents before
/// coding them.
/// </summary>
internal static class ClusterSubmitCommand
{
    public const int DefaultItemSize = 16;

    public static Command Create()
    {
        var inputs = new InputOptions();
        var connect = new ClusterConnectOptions();
        var itemSize = new Option<int>("--item-size")
        {
            Description = "Documents per work item (one store transaction; a silo dying mid-item costs at most one item's coding).",
            DefaultValueFactory = _ => DefaultItemSize,
            HelpName = "n",
        };
        itemSize.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--item-size must be at least 1."); });
        var inFlight = new Option<int>("--in-flight")
        {
            Description = "Work items held by a silo per coding thread: one codes, the rest wait (back-pressure).",
            DefaultValueFactory = _ => 2,
            HelpName = "n",
        };
        inFlight.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--in-flight must be at least 1."); });
        var itemTimeout = new Option<int>("--item-timeout")
        {
            Description = "Seconds one work item may take before it is retried on another silo.",
            DefaultValueFactory = _ => 600,
            HelpName = "seconds",
        };
        var progressEvery = new Option<double>("--progress-every")
        {
            Description = "Seconds between progress lines on stderr.",
            DefaultValueFactory = _ => 2,
            HelpName = "seconds",
        };
        progressEvery.Validators.Add(r => { if (r.GetValueOrDefault<double>() <= 0) r.AddError("--progress-every must be more than 0."); });

        var command = new Command("submit", "Send documents to the cluster's silos to be coded into the shared store, with progress and resume.");
        inputs.AddTo(command);
        connect.AddTo(command);
        command.Options.Add(itemSize);
        command.Options.Add(inFlight);
        command.Options.Add(itemTimeout);
        command.Options.Add(progressEvery);
        command.SetAction(async (result, cancel) =>
        {
            var error = result.InvocationConfiguration.Error;
            var settings = inputs.Bind(result, error);
            if (settings is null) return 1;
            await using var connection = await connect.ConnectAsync(result, error, TimeSpan.FromSeconds(result.GetValue(itemTimeout)), cancel);
            if (connection is null) return 1;

            // The reader runs ahead by a bounded number of items, then waits for the silos (back-pressure to the input).
            var chunks = Channel.CreateBounded<WorkDocument[]>(new BoundedChannelOptions(64) { SingleReader = true, SingleWriter = true });
            var summary = new InputSummary();
            int size = result.GetValue(itemSize);
            var reading = Task.Run(() =>
            {
                var pending = new List<WorkDocument>(size);
                try
                {
                    int status = InputBatch.Run(settings with { NoProgress = true }, error, document =>
                    {
                        pending.Add(WorkDocument.From(document));
                        if (pending.Count < size) return;
                        chunks.Writer.WriteAsync(pending.ToArray(), cancel).AsTask().GetAwaiter().GetResult();
                        pending.Clear();
                    }, resultsOnStdout: false, summary);
                    if (pending.Count > 0) chunks.Writer.WriteAsync(pending.ToArray(), cancel).AsTask().GetAwaiter().GetResult();
                    return status;
                }
                finally
                {
                    chunks.Writer.TryComplete();
                }
            }, cancel);

            var submitter = new Submitter(connection.Client, new SubmitOptions(InFlightPerThread: result.GetValue(inFlight), ProgressEvery: TimeSpan.FromSeconds(result.GetValue(progressEvery))), error,
                $"{Environment.MachineName}:{Environment.ProcessId}");
            SubmitSummary done;
            try
            {
                done = await submitter.RunAsync(chunks.Reader, string.Join(' ', settings.Inputs), Version(), () => summary.Skipped, cancel);
            }
            catch (OrleansException e)
            {
                error.WriteLine("dyad: submission stopped: " + e.Message + " (re-run the same command to resume)");
                return 1;
            }
            int readStatus = await reading;
            foreach (var failure in done.Failures) error.WriteLine("dyad: could not code " + failure);
            foreach (var failed in done.FailedItems) error.WriteLine("dyad: gave up on " + failed);
            error.WriteLine(done.Describe());
            return done.FailedItems.Count > 0 ? 1 : readStatus;
        });
        return command;
    }

    private static string Version() =>
        typeof(ClusterSubmitCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}
