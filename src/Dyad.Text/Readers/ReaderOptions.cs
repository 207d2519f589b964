namespace Dyad.Text.Readers;

/// <summary>Settings shared by every reader.</summary>
public sealed record ReaderOptions
{
    /// <summary>8 MiB: far above any news article (tens of KB) yet small enough that a runaway line cannot exhaust memory.</summary>
    public const int DefaultMaxDocumentBytes = 8 * 1024 * 1024;

    /// <summary>Whole-file formats (HTML pages, feeds) may be this many times <see cref="MaxDocumentBytes"/>: markup outweighs text.</summary>
    public const int WholeFileFactor = 8;

    public InputFormat Format { get; init; } = InputFormat.Auto;

    /// <summary>Date for documents whose input carries none (plain text, records without a date field).</summary>
    public DateOnly? DefaultDate { get; init; }

    public FieldMap Fields { get; init; } = FieldMap.Default;

    /// <summary>Largest document, JSON record or line accepted, in UTF-8 bytes; larger ones are rejected as too-large.</summary>
    public int MaxDocumentBytes { get; init; } = DefaultMaxDocumentBytes;

    /// <summary>Opens standard input for the input name "-". Tests substitute their own stream.</summary>
    public Func<Stream> OpenStdin { get; init; } = Console.OpenStandardInput;

    internal long MaxWholeFileBytes => (long)MaxDocumentBytes * WholeFileFactor;
}
