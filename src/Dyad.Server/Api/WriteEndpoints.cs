using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dyad.Server.Ingest;
using Dyad.Server.Queries;
using Dyad.Text;
using Dyad.Text.Readers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Dyad.Server.Api;

/// <summary>An article pasted into the ingest page.</summary>
public sealed record ArticleRequest(string? Text, string? Date, string? Title, string? Source, string? Url, string? Id);

/// <summary>Ingest endpoints: they need the write token and run one at a time (the store has one writer).</summary>
internal static class WriteEndpoints
{
    public const int MaxArticleChars = 1_000_000;
    public const long MaxUploadBytes = 32L * 1024 * 1024;
    public const int MaxFiles = 50;

    public static void Map(IEndpointRouteBuilder app, WriteToken token, DashboardData data, IDocumentCoder? coder)
    {
        var writes = app.MapGroup("/api/ingest").WithTags("write")
            .AddEndpointFilter(token.Require)
            .WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status400BadRequest, typeof(ErrorBody), ["application/json"]),
                new ProducesResponseTypeMetadata(StatusCodes.Status401Unauthorized, typeof(ErrorBody), ["application/json"]));
        var gate = new SemaphoreSlim(1, 1);

        writes.MapPost("/article", async (ArticleRequest article) =>
        {
            var document = ToDocument(article);
            return await Run(gate, data, coder, [document], []);
        }).Produces<IngestReport>()
          .WithSummary("Codes and stores one article (text and publication date). Needs the write token.");

        writes.MapPost("/files", async (HttpRequest request) =>
        {
            if (!request.HasFormContentType) throw new BadRequestException("send the files as multipart/form-data");
            var form = await request.ReadFormAsync();
            if (form.Files.Count == 0) throw new BadRequestException("no files in the request");
            if (form.Files.Count > MaxFiles) throw new BadRequestException($"at most {MaxFiles} files per request");
            var date = ParseDate(form["date"].ToString(), required: false);
            var (documents, skipped) = await ReadUploads(form.Files, date);
            return await Run(gate, data, coder, documents, skipped);
        }).DisableAntiforgery().Produces<IngestReport>()
          .WithSummary("Codes and stores uploaded files in any format dyad code reads; 'date' is the default date. Needs the write token.");
    }

    private static async Task<IngestReport> Run(SemaphoreSlim gate, DashboardData data, IDocumentCoder? coder,
        IReadOnlyList<Document> documents, List<string> skipped)
    {
        if (coder is null) throw new BadRequestException("this server was started without the coding pipeline");
        await gate.WaitAsync();
        try
        {
            return await Task.Run(() => Store(data, coder, documents, skipped));
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Codes the documents (outside the store lock: coding is the slow part), then stores them as one batch.</summary>
    private static IngestReport Store(DashboardData data, IDocumentCoder coder, IReadOnlyList<Document> documents, List<string> skipped)
    {
        var batch = documents.Select(coder.CodeForStore).ToList();
        var ids = documents.Select(d => d.Id).ToList();
        if (batch.Count == 0) return new IngestReport(0, 0, 0, 0, 0, ids, skipped);
        var result = data.Write(store =>
        {
            long run = store.BeginRun($"dyad serve: {batch.Count} document(s)", typeof(DyadServer).Assembly.GetName().Version?.ToString());
            var stored = store.Ingest(run, batch);
            store.FinishRun(run, skipped.Count);
            return stored;
        });
        return new IngestReport(documents.Count, result.DocumentsAdded, documents.Count - result.DocumentsAdded,
            result.MentionsAdded, result.EventsAdded, ids, skipped);
    }

    internal static Document ToDocument(ArticleRequest article)
    {
        var text = article.Text?.Trim();
        if (string.IsNullOrEmpty(text)) throw new BadRequestException("'text' (the article body) is required");
        if (text.Length > MaxArticleChars) throw new BadRequestException($"'text' must be at most {MaxArticleChars:N0} characters");
        var date = ParseDate(article.Date, required: true)!.Value;
        // Without an id, the text decides it, so pasting the same article twice stores it once.
        var id = string.IsNullOrWhiteSpace(article.Id)
            ? "paste-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16]
            : article.Id.Trim();
        if (id.Length > 200) throw new BadRequestException("'id' must be at most 200 characters");
        return new Document(id, date, text)
        {
            Title = Clean(article.Title, "title"),
            Source = Clean(article.Source, "source"),
            Url = Clean(article.Url, "url"),
        };
    }

    private static string? Clean(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (value.Length > 2000) throw new BadRequestException($"'{name}' must be at most 2000 characters");
        return value.Trim();
    }

    private static DateOnly? ParseDate(string? raw, bool required)
    {
        if (string.IsNullOrWhiteSpace(raw))
            return required ? throw new BadRequestException("'date' (the publication date, yyyy-MM-dd) is required") : null;
        if (!DateOnly.TryParseExact(raw.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            throw new BadRequestException($"'date' must be yyyy-MM-dd, not '{raw}'");
        return date;
    }

    /// <summary>Reads uploads with the same readers as <c>dyad code</c>; unreadable records are reported, not fatal.</summary>
    private static async Task<(List<Document>, List<string>)> ReadUploads(IFormFileCollection files, DateOnly? date)
    {
        var folder = Directory.CreateTempSubdirectory("dyad-upload-");
        try
        {
            var sources = new List<InputSource>();
            foreach (var file in files)
            {
                // Only the file name is kept: a client-chosen path must not reach outside the temp folder.
                var name = Path.GetFileName(file.FileName);
                if (name.Length == 0 || name.StartsWith('.')) throw new BadRequestException($"bad file name '{file.FileName}'");
                var path = Path.Combine(folder.FullName, $"{sources.Count}-{name}");
                await using (var stream = File.Create(path)) await file.CopyToAsync(stream);
                sources.Add(InputSource.File(path, name));
            }
            var reader = new CorpusReader(new ReaderOptions { DefaultDate = date ?? DateOnly.FromDateTime(DateTime.UtcNow) });
            var documents = new List<Document>();
            var skipped = new List<string>();
            foreach (var source in sources)
                foreach (var outcome in reader.Read(source))
                {
                    if (outcome.Document is { } document) documents.Add(document);
                    else skipped.Add(outcome.Rejection!.ToString().Replace(folder.FullName + Path.DirectorySeparatorChar, ""));
                }
            return (documents, skipped);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
