namespace Dyad.Text.Readers;

/// <summary>
/// Names of the JSON fields that hold each document attribute. A name may be a dotted path
/// ("meta.published") to reach into nested objects.
/// </summary>
public sealed record FieldMap
{
    public string Id { get; init; } = "id";
    public string Date { get; init; } = "date";
    public string Text { get; init; } = "text";
    public string Title { get; init; } = "title";
    public string Url { get; init; } = "url";
    public string Source { get; init; } = "source";
    public string Language { get; init; } = "language";

    public static FieldMap Default { get; } = new();
}
