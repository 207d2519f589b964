using System.Net;

namespace Dyad.Cluster.Hosting;

/// <summary>How silos find each other: Orleans development clustering on one host, or a Redis membership table.</summary>
/// <param name="Redis">StackExchange.Redis configuration ("host:port"), or null for development clustering.</param>
public sealed record ClusteringChoice(string? Redis)
{
    public static readonly ClusteringChoice Development = new((string?)null);

    /// <summary>Parses "dev" or "redis://host:port" (also "redis://host" for the default port 6379).</summary>
    /// <exception cref="FormatException">Anything else.</exception>
    public static ClusteringChoice Parse(string text)
    {
        if (text.Equals("dev", StringComparison.OrdinalIgnoreCase)) return Development;
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme == "redis" && uri.Host.Length > 0)
            return new ClusteringChoice($"{uri.Host}:{(uri.IsDefaultPort || uri.Port < 0 ? 6379 : uri.Port)}");
        throw new FormatException($"--clustering {text}: expected dev or redis://host:port");
    }

    public override string ToString() => Redis is null ? "dev" : "redis://" + Redis;
}

public static class Endpoints
{
    /// <summary>Parses "host:port" (a name or an IPv4 address) into an endpoint, resolving names.</summary>
    /// <exception cref="FormatException">Not host:port.</exception>
    public static IPEndPoint Parse(string text)
    {
        int colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), out int port) || port is < 1 or > 65535)
            throw new FormatException($"{text}: expected host:port");
        var host = text[..colon];
        if (IPAddress.TryParse(host, out var address)) return new IPEndPoint(address, port);
        var resolved = Dns.GetHostAddresses(host).FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
            ?? throw new FormatException($"{text}: cannot resolve {host}");
        return new IPEndPoint(resolved, port);
    }
}
