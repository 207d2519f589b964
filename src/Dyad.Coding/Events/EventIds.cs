using System.Security.Cryptography;
using System.Text;

namespace Dyad.Coding;

/// <summary>
/// Deterministic event identifiers: the same event coded from the same document by any run gets the same id, so
/// outputs can be diffed and de-duplicated across runs.
/// </summary>
public static class EventIds
{
    /// <summary>
    /// 16 hex digits of SHA-256 over the doc id, sentence index, character range, code, source and target
    /// (unit-separator delimited, so no field can run into the next).
    /// </summary>
    public static string Compute(string docId, int sentenceIndex, int charStart, int charEnd, string code, string? source, string? target)
    {
        var key = string.Join('\u001f', docId, sentenceIndex, charStart, charEnd, code, source ?? "", target ?? "");
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        return Convert.ToHexStringLower(hash[..8]);
    }

    /// <summary>The event with its <see cref="CodedEvent.EventId"/> set from its own fields.</summary>
    public static CodedEvent WithId(CodedEvent e) =>
        e with { EventId = Compute(e.DocId, e.SentenceIndex, e.CharStart, e.CharEnd, e.Code, e.Source, e.Target) };
}
