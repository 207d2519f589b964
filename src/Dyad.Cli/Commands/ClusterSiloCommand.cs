using System.CommandLine;
using System.Net;
using System.Runtime;
using System.Runtime.InteropServices;
using Dyad.Cluster.Hosting;
using Dyad.Store;
using Microsoft.Extensions.Hosting;

namespace Dyad.Cli.Commands;

/// <summary>
/// <c>dyad cluster silo</c>: one worker process. Loads the models and dictionaries once, opens the shared store, joins
/// the cluster and codes the work items submitters send it until stopped.
/// </summary>
internal static class ClusterSiloCommand
{
    public static Command Create()
    {
        var store = new Option<string>("--store")
        {
            Description = "The shared store: postgres://user@host:port/db (every silo the same), or a DuckDB file for a single silo.",
            Required = true,
            HelpName = "url",
        };
        var clustering = new Option<string>("--clustering")
        {
            Description = "How silos find each other: dev (one host; Orleans development clustering) or redis://host:port.",
            DefaultValueFactory = _ => "dev",
            HelpName = "dev|redis://host:port",
        };
        var primary = new Option<string?>("--primary")
        {
            Description = "With --clustering dev: the silo endpoint (host:port) of the first silo; omit on that first silo.",
            HelpName = "host:port",
        };
        var address = new Option<string>("--address")
        {
            Description = "The IP address other hosts reach this silo at (advertised to the cluster).",
            DefaultValueFactory = _ => "127.0.0.1",
            HelpName = "ip",
        };
        var port = Port("--port", "Silo-to-silo port.", SiloSettings.DefaultSiloPort);
        var gatewayPort = Port("--gateway-port", "Port clients (dyad cluster submit/status) connect to.", SiloSettings.DefaultGatewayPort);
        var threads = new Option<int>("--threads")
        {
            Description = "Work items this silo codes at once (one core each).",
            DefaultValueFactory = _ => 1,
            HelpName = "n",
        };
        threads.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--threads must be at least 1."); });
        var clusterId = ClusterConnectOptions.ClusterIdOption();
        var coding = new CodingOptions();

        var command = new Command("silo", "Run a worker silo: codes work items from dyad cluster submit into the shared store.");
        command.Options.Add(store);
        command.Options.Add(clustering);
        command.Options.Add(primary);
        command.Options.Add(address);
        command.Options.Add(port);
        command.Options.Add(gatewayPort);
        command.Options.Add(threads);
        command.Options.Add(clusterId);
        coding.AddTo(command);
        command.SetAction(async (result, cancel) =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            SiloSettings settings;
            try
            {
                settings = new SiloSettings(ClusteringChoice.Parse(result.GetValue(clustering)!),
                    IPAddress.Parse(result.GetValue(address)!), result.GetValue(port), result.GetValue(gatewayPort),
                    result.GetValue(threads), result.GetValue(clusterId)!,
                    result.GetValue(primary) is { } p ? Endpoints.Parse(p) : null);
            }
            catch (FormatException e)
            {
                error.WriteLine("dyad: " + e.Message);
                return 1;
            }
            // A silo is a batch worker with one core per coding thread: full collections run on the coding thread
            // that caused them instead of on a background GC thread that would take CPU from other silos on the host.
            GCSettings.LatencyMode = GCLatencyMode.Batch;
            // Loaded once here, before joining: every work item this silo codes shares them.
            var pipeline = coding.Load(result, error);
            if (pipeline is null) return 1;
            var location = result.GetValue(store)!;
            IQueryableEventStore events;
            try
            {
                events = EventStores.OpenQueryable(location, mustExist: false);
            }
            catch (StoreUnavailableException e)
            {
                error.WriteLine("dyad: " + e.Message);
                return 1;
            }
            using (events)
            {
                try
                {
                    // Ctrl+C and SIGTERM (a service manager, Kubernetes) stop the silo gracefully: it leaves the
                    // membership at once, so submitters move its items without waiting for failure detection.
                    using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
                    using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
                    using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
                    using var host = SiloHost.Build(settings, pipeline, events);
                    await host.StartAsync(stop.Token);
                    output.WriteLine($"dyad cluster silo: {settings.Address}:{settings.SiloPort} (gateway {settings.Address}:{settings.GatewayPort}), clustering {settings.Clustering}, store {EventStores.Describe(location)}, {settings.Threads} thread(s); Ctrl+C stops.");
                    output.Flush();
                    try
                    {
                        await Task.Delay(Timeout.Infinite, stop.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        // Ctrl+C or SIGTERM: leave the cluster cleanly so that no submitter waits for this silo.
                    }
                    using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                    await host.StopAsync(stopping.Token);

                    void Stop(PosixSignalContext context)
                    {
                        context.Cancel = true;
                        stop.Cancel();
                    }
                }
                catch (Exception e) when (e is OrleansException or IOException or System.Net.Sockets.SocketException or OperationCanceledException)
                {
                    error.WriteLine("dyad: silo failed: " + e.GetBaseException().Message);
                    return 1;
                }
            }
            return 0;
        });
        return command;
    }

    private static Option<int> Port(string name, string description, int defaultPort)
    {
        var option = new Option<int>(name) { Description = description, DefaultValueFactory = _ => defaultPort, HelpName = "n" };
        option.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 65535) r.AddError($"{name} must be from 1 to 65535."); });
        return option;
    }
}
