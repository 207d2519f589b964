namespace Dyad.Text.Readers;

/// <summary>Turns the bytes of one input in one format into documents and rejections.</summary>
internal interface IFormatReader
{
    IEnumerable<ReadOutcome> Read(InputSource source, Stream stream, ReaderOptions options);
}
