using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Dyad.Text.Readers;

/// <summary>
/// One HTML page, one document: the main text is extracted with SmartReader (a Readability port) so
/// navigation, ads and comments stay out; the date comes from the page's metadata.
/// </summary>
internal sealed class HtmlDocumentReader : IFormatReader
{
    /// <summary>Where publishers put the publication date, most specific first.</summary>
    private static readonly string[] MetaDateNames =
    [
        "article:published_time", "og:published_time", "datePublished", "pubdate", "publishdate", "publish-date",
        "publication_date", "dc.date.issued", "dc.date", "dcterms.issued", "dcterms.date", "dcterms.created", "date",
    ];

    public IEnumerable<ReadOutcome> Read(InputSource source, Stream stream, ReaderOptions options)
    {
        var html = WholeFile.TryRead(source, stream, options, out var rejection);
        if (html is null) { yield return ReadOutcome.Of(rejection!); yield break; }
        yield return Extract(html, source, options);
    }

    private static ReadOutcome Extract(string html, InputSource source, ReaderOptions options)
    {
        ReadOutcome Reject(RejectReason reason, string message) =>
            ReadOutcome.Of(new Rejection(source.DisplayName, null, null, reason, message, Rejection.Truncate(html)));

        var page = new HtmlParser().ParseDocument(html);

        // Metadata first: SmartReader rewrites the DOM as it extracts.
        var (dateText, dateError) = FindDate(page);
        var canonical = Attr(page.QuerySelector("link[rel=canonical]"), "href") ?? Meta(page, "og:url");
        var siteName = Meta(page, "og:site_name");
        var language = LanguageCode(page.DocumentElement.GetAttribute("lang") ?? Meta(page, "og:locale"));
        var metaTitle = Meta(page, "og:title") ?? page.Title;

        DateOnly date;
        if (dateText is not null) date = DateParser.TryParse(dateText, out var d) ? d : default;
        else if (dateError is not null) return Reject(RejectReason.InvalidDate, dateError);
        else if (options.DefaultDate is { } fallback) date = fallback;
        else return Reject(RejectReason.MissingDate, "no publication date in the page metadata (article:published_time, datePublished, <time datetime>, ...) and no --date was given");

        string text;
        string? title;
        try
        {
            var uri = canonical is not null && Uri.IsWellFormedUriString(canonical, UriKind.Absolute) ? canonical : "https://localhost/" + Uri.EscapeDataString(source.IdStem);
            // The (uri, document) overload works on the page we parsed; the single-argument one would download.
            var reader = new SmartReader.Reader(uri, page) { CharThreshold = 100 };
            var article = reader.GetArticle();
            text = article.IsReadable && !string.IsNullOrWhiteSpace(article.Content) ? HtmlText.FromHtml(article.Content) : "";
            title = string.IsNullOrWhiteSpace(article.Title) ? metaTitle : article.Title;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Reject(RejectReason.Malformed, $"main-text extraction failed: {e.Message}");
        }

        // Short pages (a brief wire item) fall below Readability's thresholds; their body text is the article.
        if (text.Length == 0)
        {
            var again = new HtmlParser().ParseDocument(html);
            text = again.Body is { } body ? HtmlText.FromNode(body) : "";
        }
        if (text.Length == 0) return Reject(RejectReason.EmptyText, "the page has no text");
        if (System.Text.Encoding.UTF8.GetByteCount(text) > options.MaxDocumentBytes)
            return Reject(RejectReason.TooLarge, $"the extracted text is larger than the limit of {options.MaxDocumentBytes:N0} bytes (--max-doc-bytes)");

        return ReadOutcome.Of(new Document(source.IdStem, date, text)
        {
            Title = string.IsNullOrWhiteSpace(title) ? null : title.Trim(),
            Url = canonical,
            Source = siteName,
            Language = language,
        });
    }

    /// <summary>The first parseable date among the metadata candidates, or the first error when all fail.</summary>
    private static (string? Date, string? Error) FindDate(IHtmlDocument page)
    {
        string? firstError = null;
        foreach (var candidate in DateCandidates(page))
        {
            if (string.IsNullOrWhiteSpace(candidate.Value)) continue;
            if (DateParser.TryParse(candidate.Value, out _, out var error)) return (candidate.Value, null);
            firstError ??= $"{candidate.Where}: {error}";
        }
        return (null, firstError);
    }

    private static IEnumerable<(string Where, string? Value)> DateCandidates(IHtmlDocument page)
    {
        foreach (var name in MetaDateNames)
            yield return ($"meta {name}", Meta(page, name));
        foreach (var element in page.QuerySelectorAll("[itemprop=datePublished]"))
            yield return ("itemprop datePublished", Attr(element, "content") ?? Attr(element, "datetime") ?? element.TextContent);
        foreach (var script in page.QuerySelectorAll("script[type='application/ld+json']"))
            yield return ("JSON-LD datePublished", JsonLdDate(script.TextContent));
        foreach (var time in page.QuerySelectorAll("time[pubdate][datetime]"))
            yield return ("<time pubdate>", Attr(time, "datetime"));
        if (page.QuerySelector("time[datetime]") is { } firstTime)
            yield return ("<time datetime>", Attr(firstTime, "datetime"));
    }

    /// <summary>Reads a meta tag by property, name or itemprop, ignoring case ("DC.date" = "dc.date").</summary>
    private static string? Meta(IHtmlDocument page, string key)
    {
        foreach (var meta in page.QuerySelectorAll("meta"))
        {
            var k = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop");
            if (k is not null && k.Equals(key, StringComparison.OrdinalIgnoreCase) && meta.GetAttribute("content") is { Length: > 0 } content)
                return content.Trim();
        }
        return null;
    }

    private static string? Attr(IElement? element, string name) =>
        element?.GetAttribute(name) is { Length: > 0 } value ? value.Trim() : null;

    private static string? JsonLdDate(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            return FindDatePublished(doc.RootElement);
        }
        catch (JsonException)
        {
            return null; // broken JSON-LD is common; the other date sources still apply
        }
    }

    private static string? FindDatePublished(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (element.TryGetProperty("datePublished", out var value) && value.ValueKind == JsonValueKind.String)
                    return value.GetString();
                foreach (var property in element.EnumerateObject())
                    if (FindDatePublished(property.Value) is { } found) return found;
                return null;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                    if (FindDatePublished(item) is { } found) return found;
                return null;
            default:
                return null;
        }
    }

    /// <summary>"en-US", "en_GB" and "EN" all become "en".</summary>
    internal static string? LanguageCode(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag)) return null;
        var primary = tag.Trim().Split('-', '_')[0].ToLowerInvariant();
        return primary.Length is 2 or 3 && primary.All(char.IsAsciiLetterLower) ? primary : null;
    }
}
