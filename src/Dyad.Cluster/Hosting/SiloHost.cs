using System.Net;
using Dyad.Cluster.Grains;
using Dyad.Pipeline;
using Dyad.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace Dyad.Cluster.Hosting;

/// <summary>Builds a silo host: clustering, endpoints, the coding service and the grains' placement.</summary>
public static class SiloHost
{
    public static IHost Build(SiloSettings settings, CodingPipeline pipeline, IQueryableEventStore store)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning)
            // Start-up advice (server GC) and scheduler stall notes are noise on a busy coding host; errors stay.
            .AddFilter("Orleans.Runtime.Silo", LogLevel.Error)
            .AddFilter("Orleans.Runtime.Watchdog", LogLevel.Error)
            .AddFilter("Orleans.Runtime.Scheduler", LogLevel.Error);
        builder.UseOrleans(silo =>
        {
            ConfigureClustering(silo, settings);
            silo.ConfigureEndpoints(settings.Address, settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: !IPAddress.IsLoopback(settings.Address));
            AddCoding(silo, pipeline, store, settings.Threads, new Lock());
        });
        return builder.Build();
    }

    /// <summary>The coding service and placement every Dyad silo needs (also used by the in-process test cluster).</summary>
    public static void AddCoding(ISiloBuilder silo, CodingPipeline pipeline, IQueryableEventStore store, int threads, Lock storeLock)
    {
        silo.Services.AddSingleton(new SiloCoder(pipeline, store, threads, Dns.GetHostName(), storeLock));
        silo.Services.AddPlacementDirector<SiloBoundPlacement, SiloBoundPlacementDirector>();
    }

    private static void ConfigureClustering(ISiloBuilder silo, SiloSettings settings)
    {
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = settings.ClusterId;
            o.ServiceId = SiloSettings.ServiceId;
        });
        if (settings.Clustering.Redis is { } redis)
            silo.UseRedisClustering(redis);
        else
            silo.UseDevelopmentClustering(settings.Primary ?? new IPEndPoint(settings.Address, settings.SiloPort));
    }
}
