using System.Net.Http.Headers;
using Dyad.Cli.Commands;
using Dyad.Pipeline;
using Dyad.Server;
using Dyad.Server.Api;
using Dyad.Server.Queries;
using Dyad.Store.DuckDb;
using Dyad.Tests;
using Dyad.Text.Readers;
using Microsoft.AspNetCore.Builder;

namespace Dyad.Server.Tests;

/// <summary>
/// A real store in a temp folder, filled by coding the shipped examples with the real pipeline, served by the real
/// server on a free loopback port. Shared by every test in the "server" collection (coding takes seconds).
/// </summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("dyad-server-tests-");
    private DuckDbEventStore? _store;
    private WebApplication? _app;

    public Uri Address { get; private set; } = null!;
    public WriteToken Token { get; } = WriteToken.CreateRandom();
    public HttpClient Client { get; private set; } = null!;
    public string StorePath => Path.Combine(_folder.FullName, "examples.duckdb");

    /// <summary>Example inputs coded into the store at start.</summary>
    public static readonly string[] ExampleInputs = ["wires.jsonl", "archive-wires.jsonl.gz", "briefs.json", "world-feed.rss", "region-feed.atom", "sanctions.html", "pompeo-kazakhstan.txt", "plain-ceasefire.txt"];

    public async Task InitializeAsync()
    {
        _store = DuckDbEventStore.Open(StorePath);
        var coder = LoadCodingPipeline();
        var examples = Path.Combine(SharedData.RepositoryRoot, "examples");
        var reader = new CorpusReader(new ReaderOptions { DefaultDate = new DateOnly(2024, 3, 1) });
        var documents = reader.Read(ExampleInputs.Select(name => Path.Combine(examples, name)))
            .Where(o => o.IsDocument).Select(o => coder.CodeForStore(o.Document!)).ToList();
        long run = _store.BeginRun("examples", null);
        _store.Ingest(run, documents);
        _store.FinishRun(run, 0);

        _app = DyadServer.Build(new ServerOptions("127.0.0.1", 0), new DashboardData(_store), Token, new LazyDocumentCoder(() => coder));
        await _app.StartAsync();
        Address = DyadServer.BoundAddress(_app);
        Client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>The pipeline dyad ingest and dyad serve use, with the default models.</summary>
    private static CodingPipeline LoadCodingPipeline()
    {
        var options = new CodingOptions();
        var command = new System.CommandLine.Command("test");
        options.AddTo(command);
        var messages = new StringWriter();
        return options.Load(command.Parse(Array.Empty<string>()), messages) ?? throw new InvalidOperationException(messages.ToString());
    }

    public HttpClient AuthorizedClient()
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token.Value);
        return client;
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        _store?.Dispose();
        try { _folder.Delete(recursive: true); } catch (IOException) { /* a temp folder left behind is harmless */ }
    }
}

[CollectionDefinition("server")]
public sealed class ServerCollection : ICollectionFixture<ServerFixture>;
