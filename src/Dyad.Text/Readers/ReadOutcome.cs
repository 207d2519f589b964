namespace Dyad.Text.Readers;

/// <summary>
/// One item of a reader's output stream: either a document or the rejection of one input record.
/// Readers yield rejections instead of throwing so one bad record never stops a batch.
/// </summary>
public readonly record struct ReadOutcome
{
    private ReadOutcome(Document? document, Rejection? rejection)
    {
        Document = document;
        Rejection = rejection;
    }

    public Document? Document { get; }
    public Rejection? Rejection { get; }

    public bool IsDocument => Document is not null;

    public static ReadOutcome Of(Document document) => new(document, null);
    public static ReadOutcome Of(Rejection rejection) => new(null, rejection);
}

/// <summary>Why an input record was skipped. The kebab-case code (<see cref="RejectReasons.Code"/>) is what users see.</summary>
public enum RejectReason
{
    /// <summary>The file is not text (NUL bytes in its first block).</summary>
    Binary,
    /// <summary>Bytes that are not valid UTF-8.</summary>
    InvalidUtf8,
    /// <summary>No date in the record and no <c>--date</c> fallback.</summary>
    MissingDate,
    /// <summary>A date that cannot be parsed or does not exist (2020-02-30).</summary>
    InvalidDate,
    /// <summary>The text is missing, empty or whitespace only.</summary>
    EmptyText,
    /// <summary>The record or line is larger than the configured maximum.</summary>
    TooLarge,
    /// <summary>Broken JSON, XML or HTML structure.</summary>
    Malformed,
    /// <summary>The input could not be opened or read (missing file, I/O error, corrupt gzip).</summary>
    Unreadable,
}

public static class RejectReasons
{
    public static string Code(this RejectReason reason) => reason switch
    {
        RejectReason.Binary => "binary",
        RejectReason.InvalidUtf8 => "invalid-utf8",
        RejectReason.MissingDate => "missing-date",
        RejectReason.InvalidDate => "invalid-date",
        RejectReason.EmptyText => "empty-text",
        RejectReason.TooLarge => "too-large",
        RejectReason.Malformed => "malformed",
        RejectReason.Unreadable => "unreadable",
        _ => reason.ToString().ToLowerInvariant(),
    };
}

/// <summary>
/// A skipped input record: where it was (file plus line and/or record number), why, and a truncated copy of it.
/// </summary>
/// <param name="File">The input's display name (path as given, or "-" for stdin).</param>
/// <param name="Line">1-based line where the record starts, when the format is line-oriented.</param>
/// <param name="Record">1-based record number within the file (JSON element, feed item, dated-text record).</param>
/// <param name="Raw">The start of the raw record, at most <see cref="MaxRawChars"/> characters; null for binary data.</param>
public sealed record Rejection(string File, long? Line, long? Record, RejectReason Reason, string Message, string? Raw = null)
{
    public const int MaxRawChars = 1000;

    /// <summary>"file line 3" / "file record 2 (line 7)" / "file record 2" / "file": the place a user should look.</summary>
    public string Location => (Line, Record) switch
    {
        ({ } line, { } record) => $"{File} record {record} (line {line})",
        ({ } line, null) => $"{File} line {line}",
        (null, { } record) => $"{File} record {record}",
        _ => File,
    };

    public override string ToString() => $"{Location}: {Reason.Code()}: {Message}";

    public static string? Truncate(string? raw) =>
        raw is null || raw.Length <= MaxRawChars ? raw : string.Concat(raw.AsSpan(0, MaxRawChars), "…");
}
