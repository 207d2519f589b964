using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dyad.Text;

namespace Dyad.Cli.Output;

/// <summary>
/// Writes tokenized sentences as JSON lines, one sentence per line:
/// {"doc","date","sentence","start","end","text","tokens":[{"text","start","end","norm"?}],"tweet"?}.
/// Offsets are UTF-16 code-unit offsets into the document text, as everywhere in Dyad.
/// </summary>
internal sealed class SentenceJsonlWriter(TextWriter output)
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 14);

    public void Write(AnnotatedDocument annotated)
    {
        var document = annotated.Document;
        var text = document.Text;
        var date = document.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        for (int s = 0; s < annotated.Sentences.Count; s++)
        {
            var sentence = annotated.Sentences[s];
            _buffer.ResetWrittenCount();
            using (var json = new Utf8JsonWriter(_buffer, Options))
            {
                json.WriteStartObject();
                json.WriteString("doc", document.Id);
                json.WriteString("date", date);
                json.WriteNumber("sentence", s);
                json.WriteNumber("start", sentence.Start);
                json.WriteNumber("end", sentence.End);
                json.WriteString("text", text.AsSpan(sentence.Start, sentence.End - sentence.Start));
                json.WriteStartArray("tokens");
                foreach (var token in sentence.Tokens)
                {
                    json.WriteStartObject();
                    json.WriteString("text", token.Text);
                    json.WriteNumber("start", token.Start);
                    json.WriteNumber("end", token.End);
                    if (!string.Equals(token.Norm, token.Text, StringComparison.Ordinal)) json.WriteString("norm", token.Norm);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                if (sentence.Tweet is { } tweet)
                {
                    json.WriteStartObject("tweet");
                    if (tweet.AuthorName is { } author) json.WriteString("author", author);
                    if (tweet.Handle is { } handle) json.WriteString("handle", handle);
                    if (tweet.Date is { } tweetDate) json.WriteString("date", tweetDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    json.WriteEndObject();
                }
                json.WriteEndObject();
            }
            output.Write(Encoding.UTF8.GetString(_buffer.WrittenSpan));
            output.Write('\n');
        }
    }
}
