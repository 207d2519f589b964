namespace Dyad.Text.Readers;

/// <summary>How an input's records are laid out. <see cref="Auto"/> decides per file from its name, then its content.</summary>
public enum InputFormat
{
    Auto,
    /// <summary>Dated text (<c>date YYYY-MM-DD</c> header, possibly several records) or plain text.</summary>
    Text,
    /// <summary>One JSON object per line.</summary>
    Jsonl,
    /// <summary>A JSON array of objects, a single object, or objects one after another.</summary>
    Json,
    Html,
    /// <summary>RSS 0.9x/1.0/2.0 or Atom feed.</summary>
    Rss,
}
