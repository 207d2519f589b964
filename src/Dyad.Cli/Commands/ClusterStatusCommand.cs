using System.CommandLine;
using System.Globalization;
using Dyad.Cluster.Submit;

namespace Dyad.Cli.Commands;

/// <summary><c>dyad cluster status</c>: the silos with their load and rates, and the submissions with their queues.</summary>
internal static class ClusterStatusCommand
{
    public static Command Create()
    {
        var connect = new ClusterConnectOptions();
        var command = new Command("status", "Show the cluster's silos (load, items, documents/s, failures) and submissions (queue depth, progress).");
        connect.AddTo(command);
        command.SetAction(async (result, cancel) =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            await using var connection = await connect.ConnectAsync(result, error, TimeSpan.FromSeconds(30), cancel);
            if (connection is null) return 1;
            ClusterStatus status;
            try
            {
                status = await ClusterStatus.ReadAsync(connection.Client);
            }
            catch (Exception e) when (e is OrleansException or TimeoutException)
            {
                error.WriteLine("dyad: cannot read the cluster status: " + e.GetBaseException().Message);
                return 1;
            }
            Write(status, output);
            return 0;
        });
        return command;
    }

    private static void Write(ClusterStatus status, TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine($"silos: {status.Silos.Count} active");
        output.WriteLine("silo\thost\tthreads\tbusy\twaiting\titems\tdocuments\tadded\tdocs/s\tfailures");
        foreach (var s in status.Silos)
        {
            if (s.Report is { } r)
                output.WriteLine(string.Create(c, $"{s.Address}\t{r.Host}\t{r.Threads}\t{r.Busy}\t{r.Waiting}\t{r.Items}\t{r.Documents}\t{r.Added}\t{r.DocumentsPerSecond:F1}\t{r.Failures}"));
            else
                output.WriteLine($"{s.Address}\t(no answer: {s.Problem})");
        }
        output.WriteLine($"submissions: {status.Submissions.Count}");
        output.WriteLine("submission\tstate\titems read\tacknowledged\tin flight\tqueued\tretries\tdocuments\tadded\tdocs/s\tfailures");
        foreach (var p in status.Submissions)
            output.WriteLine(string.Create(c, $"{p.Id}\t{(p.Finished ? "finished" : "running")}\t{p.ItemsRead}\t{p.Acknowledged}\t{p.InFlight}\t{p.Queued}\t{p.Retries}\t{p.Documents}\t{p.Added}\t{p.DocumentsPerSecond:F1}\t{p.Failures}"));
    }
}
