using System.IO.Compression;
using System.Text;
using Dyad.Tests;
using Dyad.Text.Readers;

namespace Dyad.Text.Tests.Readers;

/// <summary>A temporary folder for reader inputs, removed after the test, plus helpers to read from it.</summary>
internal sealed class TempInputs : IDisposable
{
    public TempInputs()
    {
        Root = Path.Combine(Path.GetTempPath(), "dyad-readers-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Write(string relative, string content) => Write(relative, Encoding.UTF8.GetBytes(content));

    public string Write(string relative, byte[] content)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    public string WriteGzip(string relative, string content)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(Encoding.UTF8.GetBytes(content));
        return Write(relative, buffer.ToArray());
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}

internal static class Read
{
    public static string Example(string name) => Path.Combine(SharedData.RepositoryRoot, "examples", name);

    public static (List<Document> Documents, List<Rejection> Rejections) All(ReaderOptions options, params string[] inputs)
    {
        var documents = new List<Document>();
        var rejections = new List<Rejection>();
        foreach (var outcome in new CorpusReader(options).Read(inputs))
        {
            if (outcome.Document is { } d) documents.Add(d);
            else rejections.Add(outcome.Rejection!);
        }
        return (documents, rejections);
    }

    public static (List<Document> Documents, List<Rejection> Rejections) All(params string[] inputs) => All(new ReaderOptions(), inputs);
}
