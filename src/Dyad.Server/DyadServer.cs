using System.Net;
using System.Text.Json;
using Dyad.Server.Api;
using Dyad.Server.Ingest;
using Dyad.Server.Queries;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dyad.Server;

/// <summary>How to bind the server. Port 0 picks a free port (tests).</summary>
public sealed record ServerOptions(string Host = "127.0.0.1", int Port = 8321)
{
    /// <summary>Largest request body: uploads of several files; everything else is far smaller.</summary>
    public long MaxRequestBytes { get; init; } = WriteEndpoints.MaxUploadBytes;

    /// <summary>Folder of the dashboard's static files (default: wwwroot beside the assembly).</summary>
    public string? WebRoot { get; init; }
}

/// <summary>
/// The HTTP server behind <c>dyad serve</c>: the JSON API, its OpenAPI document and the dashboard's static files,
/// all from one Kestrel process.
/// </summary>
public static class DyadServer
{
    public static WebApplication Build(ServerOptions options, DashboardData data, WriteToken token, IDocumentCoder? coder)
    {
        var webRoot = options.WebRoot ?? Path.Combine(AppContext.BaseDirectory, "wwwroot");
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            kestrel.Listen(ResolveAddress(options.Host), options.Port);
        });
        builder.Services.Configure<FormOptions>(form => form.MultipartBodyLengthLimit = options.MaxRequestBytes);
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            json.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        });
        builder.Services.AddSingleton(data);
        builder.Services.AddOpenApi(openApi =>
        {
            openApi.AddQueryParameterDocs();
            openApi.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Dyad event store API";
                document.Info.Description = "Read coded political events (CAMEO/PLOVER) from a Dyad store; ingest articles with the write token.";
                return Task.CompletedTask;
            });
        });

        var app = builder.Build();
        app.UseExceptionHandler(errors => errors.Run(WriteError));
        app.MapOpenApi("/openapi.json");
        ReadEndpoints.Map(app, coder is null ? null : new EventExplanations(data, coder));
        WriteEndpoints.Map(app, token, data, coder);
        app.MapFallback("/api/{**rest}", () => Results.NotFound(new ErrorBody("no such API endpoint; see /openapi.json")));
        if (Directory.Exists(webRoot))
        {
            var files = new PhysicalFileProvider(webRoot);
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        }
        return app;
    }

    /// <summary>The address the server listens on after <c>StartAsync</c> (with the real port when 0 was asked).</summary>
    public static Uri BoundAddress(WebApplication app) =>
        new(app.Urls.First().Replace("0.0.0.0", "127.0.0.1").Replace("[::]", "[::1]"));

    private static IPAddress ResolveAddress(string host)
    {
        if (host == "localhost") return IPAddress.Loopback;
        if (IPAddress.TryParse(host, out var address)) return address;
        throw new ArgumentException($"--host must be an IP address (like 127.0.0.1 or 0.0.0.0) or localhost, not '{host}'");
    }

    /// <summary>Turns refused requests into a 400 with their message; anything else is a 500 without internals.</summary>
    private static async Task WriteError(HttpContext context)
    {
        var failure = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var (status, message) = failure switch
        {
            BadRequestException bad => (StatusCodes.Status400BadRequest, bad.Message),
            BadHttpRequestException bad => (bad.StatusCode, bad.Message),
            _ => (StatusCodes.Status500InternalServerError, "internal error; see the server's console"),
        };
        if (status == StatusCodes.Status500InternalServerError && failure is not null)
            await Console.Error.WriteLineAsync($"dyad serve: {context.Request.Path}: {failure}");
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(new ErrorBody(message));
    }
}
