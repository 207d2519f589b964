namespace Dyad.Store.Dedup;

/// <summary>A stored (or just created) event a new mention may merge into: its key, date and country.</summary>
internal sealed record EventCandidate(long Id, DuplicateKey Key, DateOnly Date, string? Country);

/// <summary>
/// Finds the event a mention belongs to among the candidates loaded for one batch (from the store and from earlier
/// mentions of the same batch). The closest date wins; on a tie the oldest event, so grouping is deterministic.
/// </summary>
internal sealed class EventMatcher
{
    private readonly DuplicateRule _rule;
    private readonly Dictionary<DuplicateKey, List<EventCandidate>> _byKey = new();

    public EventMatcher(DuplicateRule rule) => _rule = rule;

    public void Add(EventCandidate candidate)
    {
        if (!_byKey.TryGetValue(candidate.Key, out var list)) _byKey[candidate.Key] = list = [];
        list.Add(candidate);
    }

    public EventCandidate? Find(DuplicateKey key, DateOnly date, string? country)
    {
        if (!_byKey.TryGetValue(key, out var list)) return null;
        EventCandidate? best = null;
        int bestGap = int.MaxValue;
        foreach (var c in list)
        {
            if (!_rule.DatesCompatible(c.Date, date) || !_rule.PlacesCompatible(c.Country, country)) continue;
            int gap = Math.Abs(c.Date.DayNumber - date.DayNumber);
            if (gap < bestGap || (gap == bestGap && c.Id < best!.Id))
            {
                best = c;
                bestGap = gap;
            }
        }
        return best;
    }
}
