using System.CommandLine;
using System.Net;
using Dyad.Cluster.Hosting;
using Dyad.Cluster.Submit;

namespace Dyad.Cli.Commands;

/// <summary><c>dyad cluster</c>: scale-out coding on Microsoft Orleans (docs/cluster.md).</summary>
internal static class ClusterCommand
{
    public static Command Create()
    {
        var command = new Command("cluster", "Code on a cluster of worker silos (Microsoft Orleans) writing to one shared store (docs/cluster.md).");
        command.Subcommands.Add(ClusterSiloCommand.Create());
        command.Subcommands.Add(ClusterSubmitCommand.Create());
        command.Subcommands.Add(ClusterStatusCommand.Create());
        return command;
    }
}

/// <summary>The options a cluster client needs to find the silos: gateways, or the Redis membership table, and the cluster id.</summary>
internal sealed class ClusterConnectOptions
{
    public Option<string[]> Gateways { get; } = new("--gateway")
    {
        Description = "Silo gateway host:port (repeat or separate with commas; give several so that one dying silo does not cut the client off).",
        AllowMultipleArgumentsPerToken = true,
        HelpName = "host:port",
    };

    public Option<string?> Clustering { get; } = new("--clustering")
    {
        Description = "Find the gateways in the silos' Redis membership table (redis://host:port) instead of --gateway.",
        HelpName = "redis://host:port",
    };

    public Option<string> ClusterId { get; } = ClusterIdOption();

    public static Option<string> ClusterIdOption() => new("--cluster-id")
    {
        Description = "Cluster name: silos and clients with the same id form one cluster (several clusters can share one Redis).",
        DefaultValueFactory = _ => SiloSettings.DefaultClusterId,
        HelpName = "id",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Gateways);
        command.Options.Add(Clustering);
        command.Options.Add(ClusterId);
    }

    /// <summary>The open connection, or null after writing why to <paramref name="error"/>.</summary>
    public async Task<ClusterConnection?> ConnectAsync(ParseResult result, TextWriter error, TimeSpan responseTimeout, CancellationToken cancel)
    {
        var gateways = new List<IPEndPoint>();
        ClusteringChoice? clustering = null;
        try
        {
            foreach (var value in result.GetValue(Gateways) ?? [])
                foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    gateways.Add(Endpoints.Parse(part));
            if (result.GetValue(Clustering) is { } text) clustering = ClusteringChoice.Parse(text);
        }
        catch (Exception e) when (e is FormatException or System.Net.Sockets.SocketException)
        {
            error.WriteLine("dyad: " + e.Message);
            return null;
        }
        if (gateways.Count == 0 && clustering?.Redis is null)
        {
            error.WriteLine("dyad: name the cluster with --gateway host:port or --clustering redis://host:port.");
            return null;
        }
        try
        {
            return await ClusterConnection.OpenAsync(gateways, clustering, result.GetValue(ClusterId)!, responseTimeout, cancel);
        }
        catch (Exception e) when (e is OrleansException or TimeoutException or System.Net.Sockets.SocketException or InvalidOperationException)
        {
            error.WriteLine($"dyad: cannot reach the cluster ({string.Join(", ", gateways)}{clustering?.Redis}): {e.GetBaseException().Message}");
            return null;
        }
    }
}
