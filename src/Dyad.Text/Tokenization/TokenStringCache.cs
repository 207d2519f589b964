using System.Runtime.CompilerServices;

namespace Dyad.Text.Tokenization;

/// <summary>
/// Reuses the strings of short, frequent token forms ("the", "said", ",") instead of allocating one per token.
/// A direct-mapped table per thread: no locks, and a collision simply replaces the slot. Most tokens of news text
/// are short common words, so this removes most per-token allocations and the garbage-collector work they cause.
/// </summary>
internal static class TokenStringCache
{
    private const int MaxLength = 12;
    private const int Slots = 4096;

    [ThreadStatic] private static string?[]? t_slots;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static string Get(string text, int start, int length)
    {
        if (length > MaxLength) return text.Substring(start, length);
        var span = text.AsSpan(start, length);
        uint hash = 2166136261;
        foreach (char c in span) hash = (hash ^ c) * 16777619;
        var slots = t_slots ??= new string?[Slots];
        ref string? slot = ref slots[hash & (Slots - 1)];
        var cached = slot;
        if (cached != null && span.SequenceEqual(cached)) return cached;
        var created = span.ToString();
        slot = created;
        return created;
    }
}
