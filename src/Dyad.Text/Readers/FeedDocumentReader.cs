using CodeHollow.FeedReader;
using CodeHollow.FeedReader.Feeds;

namespace Dyad.Text.Readers;

/// <summary>
/// RSS and Atom feed files, one document per item, parsed with CodeHollow.FeedReader's ReadFromString
/// (never its URL overloads, which download). Item HTML is reduced to text; the date is the item's
/// pubDate / published / updated / dc:date, read by <see cref="DateParser"/> as written.
/// </summary>
internal sealed class FeedDocumentReader : IFormatReader
{
    public IEnumerable<ReadOutcome> Read(InputSource source, Stream stream, ReaderOptions options)
    {
        var xml = WholeFile.TryRead(source, stream, options, out var rejection);
        if (xml is null) { yield return ReadOutcome.Of(rejection!); yield break; }

        Feed? feed = null;
        string? error = null;
        try { feed = FeedReader.ReadFromString(xml); }
        catch (Exception e) when (e is not OutOfMemoryException) { error = e.Message; }
        if (feed is null)
        {
            yield return ReadOutcome.Of(new Rejection(source.DisplayName, null, null, RejectReason.Malformed,
                $"not a readable RSS or Atom feed: {error}", Rejection.Truncate(xml)));
            yield break;
        }

        // Atom has no <language>: its language is the xml:lang attribute, which the feed object does not expose.
        var feedLanguage = HtmlDocumentReader.LanguageCode(feed.Language
            ?? feed.SpecificFeed?.Element?.Attribute(System.Xml.Linq.XNamespace.Xml + "lang")?.Value);
        var feedTitle = string.IsNullOrWhiteSpace(feed.Title) ? null : feed.Title.Trim();
        long number = 0;
        foreach (var item in feed.Items)
        {
            number++;
            yield return Map(item, number, source, options, feedTitle, feedLanguage);
        }
    }

    private static ReadOutcome Map(FeedItem item, long number, InputSource source, ReaderOptions options, string? feedTitle, string? language)
    {
        var raw = Rejection.Truncate(item.SpecificItem?.Element?.ToString());
        ReadOutcome Reject(RejectReason reason, string message) =>
            ReadOutcome.Of(new Rejection(source.DisplayName, null, number, reason, message, raw));

        var html = !string.IsNullOrWhiteSpace(item.Content) ? item.Content : item.Description;
        var text = string.IsNullOrWhiteSpace(html) ? "" : HtmlText.FromHtml(html);
        if (text.Length == 0) return Reject(RejectReason.EmptyText, "the item has no description or content");
        if (System.Text.Encoding.UTF8.GetByteCount(text) > options.MaxDocumentBytes)
            return Reject(RejectReason.TooLarge, $"the item text is larger than the limit of {options.MaxDocumentBytes:N0} bytes (--max-doc-bytes)");

        DateOnly date;
        var dateText = DateTextOf(item);
        if (string.IsNullOrWhiteSpace(dateText))
        {
            if (options.DefaultDate is { } fallback) date = fallback;
            else return Reject(RejectReason.MissingDate, "the item has no pubDate, published, updated or dc:date and no --date was given");
        }
        else if (!DateParser.TryParse(dateText, out date, out var error))
            return Reject(RejectReason.InvalidDate, error);

        var link = string.IsNullOrWhiteSpace(item.Link) ? null : item.Link.Trim();
        var id = !string.IsNullOrWhiteSpace(item.Id) ? item.Id.Trim() : link ?? $"{source.IdStem}#{number}";
        return ReadOutcome.Of(new Document(id, date, text)
        {
            Title = string.IsNullOrWhiteSpace(item.Title) ? null : HtmlText.FromHtml(item.Title),
            Url = link,
            Source = feedTitle,
            Language = language,
        });
    }

    private static string? DateTextOf(FeedItem item)
    {
        if (!string.IsNullOrWhiteSpace(item.PublishingDateString)) return item.PublishingDateString;
        return item.SpecificItem switch
        {
            AtomFeedItem atom => atom.UpdatedDateString,
            Rss20FeedItem rss20 => rss20.DC?.DateString,
            Rss10FeedItem rss10 => rss10.DC?.DateString,
            _ => null,
        };
    }
}
