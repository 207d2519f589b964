using System.CommandLine;
using Dyad.Coding;
using Dyad.Server;
using Dyad.Server.Api;
using Dyad.Server.Ingest;
using Dyad.Server.Queries;
using Dyad.Store.Ingest;
using Dyad.Text;
using Microsoft.Extensions.Hosting;

namespace Dyad.Cli.Commands;

/// <summary>
/// <c>dyad serve</c>: the HTTP API and the dashboard over a store, on loopback unless told otherwise. Prints the
/// address and a fresh write token; runs until Ctrl+C.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var store = StoreOption.Create(mustExist: true);
        var port = new Option<int>("--port") { Description = "TCP port (0 picks a free one).", DefaultValueFactory = _ => 8321 };
        var host = new Option<string>("--host") { Description = "Address to bind; keep loopback unless the network is trusted.", DefaultValueFactory = _ => "127.0.0.1" };
        var coding = new CodingOptions();

        var command = new Command("serve", "Serve the store's events as a JSON API (/openapi.json) and a dashboard in the browser.");
        command.Options.Add(store);
        command.Options.Add(port);
        command.Options.Add(host);
        coding.AddTo(command);
        command.SetAction(async (result, cancel) =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            var path = result.GetValue(store)!;
            if (result.GetValue(port) is < 0 or > 65535)
            {
                error.WriteLine("dyad: --port must be from 0 to 65535.");
                return 1;
            }
            using var opened = StoreOption.OpenDuckDb(path, error);
            if (opened is null) return 1;
            var token = WriteToken.CreateRandom();
            // The models load on the first ingest, so serving reads starts at once.
            var coder = new LazyDocumentCoder(() =>
            {
                var messages = new StringWriter();
                return coding.Load(result, messages) ?? throw new IOException(messages.ToString().Trim());
            });
            var options = new ServerOptions(result.GetValue(host)!, result.GetValue(port));
            try
            {
                var data = new DashboardData(opened);
                await using var app = DyadServer.Build(options, data, token, coder);
                await app.StartAsync(cancel);
                // The dashboard's first page is answered from the cache if it is asked after the warm-up ends.
                _ = Task.Run(() =>
                {
                    try { data.WarmUp(); }
                    catch (Exception e) when (e is IOException or InvalidOperationException or System.Data.Common.DbException)
                    {
                        error.WriteLine($"dyad: warning: warming the answer cache failed: {e.Message}");
                    }
                }, cancel);
                output.WriteLine($"dyad serve: {DyadServer.BoundAddress(app)} (store {path}); Ctrl+C stops.");
                output.WriteLine($"write token (ingest page, or 'Authorization: Bearer TOKEN'): {token.Value}");
                if (!System.Net.IPAddress.IsLoopback(System.Net.IPAddress.Parse(options.Host == "localhost" ? "127.0.0.1" : options.Host)))
                    error.WriteLine("dyad: warning: reads are open to anyone who can reach this address.");
                output.Flush();
                await app.WaitForShutdownAsync(cancel);
            }
            catch (Exception e) when (e is ArgumentException or IOException)
            {
                error.WriteLine("dyad: " + e.Message);
                return 1;
            }
            return 0;
        });
        return command;
    }
}

/// <summary>Loads the models on the first ingest, so serving reads starts at once.</summary>
internal sealed class LazyDocumentCoder(Func<CodingPipeline> load) : IDocumentCoder
{
    private readonly Lazy<CodingPipeline> _coder = new(load);

    public IngestDocument CodeForStore(Document document) => _coder.Value.CodeForStore(document);

    public IReadOnlyList<CodedEvent> Explain(Document document) => _coder.Value.Explain(document);
}
