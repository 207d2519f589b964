using System.Net;
using Dyad.Cluster.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace Dyad.Cluster.Submit;

/// <summary>Connects an Orleans client to a Dyad cluster, through listed gateways or the Redis membership table.</summary>
public sealed class ClusterConnection : IAsyncDisposable
{
    private readonly IHost _host;

    private ClusterConnection(IHost host) => _host = host;

    public IClusterClient Client => _host.Services.GetRequiredService<IClusterClient>();

    /// <param name="responseTimeout">How long one call may take before the caller gives up (a work item's coding time bounds it).</param>
    public static async Task<ClusterConnection> OpenAsync(IReadOnlyList<IPEndPoint> gateways, ClusteringChoice? clustering,
        string clusterId, TimeSpan responseTimeout, CancellationToken cancel)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Error);
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = clusterId;
                o.ServiceId = SiloSettings.ServiceId;
            });
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = responseTimeout);
            if (clustering?.Redis is { } redis) client.UseRedisClustering(redis);
            else client.UseStaticClustering(gateways.ToArray());
        });
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancel);
        }
        catch
        {
            host.Dispose();
            throw;
        }
        return new ClusterConnection(host);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is OperationCanceledException or OrleansException)
        {
            // Leaving a cluster that is going away must not fail a finished submission.
        }
        _host.Dispose();
    }
}
