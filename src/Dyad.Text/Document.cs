namespace Dyad.Text;

/// <summary>
/// One news document as it enters the pipeline: its text and the metadata that travels with every event coded from it.
/// </summary>
/// <param name="Id">Stable identifier (from the input, or derived from the file and record when the input has none).</param>
/// <param name="Date">Publication date; event dates are resolved relative to it and never after it.</param>
/// <param name="Text">The body text. Token and sentence offsets point into this exact string.</param>
public sealed record Document(string Id, DateOnly Date, string Text)
{
    public string? Title { get; init; }
    public string? Url { get; init; }
    /// <summary>The outlet that published the document (for example "Reuters").</summary>
    public string? Source { get; init; }
    /// <summary>ISO 639-1 language code when known.</summary>
    public string? Language { get; init; }
}
