using Dyad.Coding.Dates;
using Dyad.Coding.Places;
using Dyad.Knowledge.Places;
using Dyad.Text;

namespace Dyad.Coding.Setting;

/// <summary>
/// When and where: fills a coded event's date (<see cref="EventDater"/>) and location (<see cref="EventPlacer"/>) from
/// its sentence and the document's dateline. Stateless per call and thread-safe; the coder calls it once per event.
/// </summary>
public sealed class EventSetting
{
    private static readonly Lazy<EventSetting> ShippedSetting = new(() => new EventSetting(Gazetteer.Shipped));

    private const int DatelineWindowDays = 7;

    private readonly EventPlacer _placer;

    public EventSetting(Gazetteer gazetteer) => _placer = new EventPlacer(gazetteer);

    /// <summary>With the shipped gazetteer (models/places.bin), shared with the actor resolver.</summary>
    public static EventSetting Shipped => ShippedSetting.Value;

    public EventPlacer Placer => _placer;

    /// <summary>
    /// <paramref name="e"/> with Date and Location set for its predicate token <paramref name="predicate"/> in
    /// sentence <paramref name="sentenceIndex"/>; <paramref name="sourceHead"/> and <paramref name="targetHead"/> are
    /// its actors' head tokens (-1 when none).
    /// </summary>
    public CodedEvent Apply(CodedEvent e, AnnotatedDocument doc, int sentenceIndex, int predicate, int sourceHead, int targetHead)
    {
        var sentence = doc.Sentences[sentenceIndex];
        var dateline = Dateline.Find(doc);
        return e with
        {
            Date = Date(doc.Document.Date, dateline, sentence, predicate)?.ToString("yyyy-MM-dd"),
            Location = _placer.Place(sentence, doc.Text, predicate, [sourceHead, targetHead], [e.Source, e.Target], dateline),
        };
    }

    /// <summary>
    /// The event date for a publication date: relative expressions count from the dateline's date when the dateline
    /// has one in the week up to publication ("LONDON, Feb 3 (Reuters) -" in a paper of Feb 4), else from publication.
    /// Null when the publication date is unknown.
    /// </summary>
    public static DateOnly? Date(DateOnly published, Dateline? dateline, Sentence sentence, int predicate)
    {
        if (published == DateOnly.MinValue) return null;
        var reference = published;
        // A dateline a day ahead of a publication date in another time zone would read as last year's: only a
        // dateline date within the week before publication is trusted.
        if (dateline?.Date is { } filed && filed.Resolve(published, futurePredicate: false) is { } filedOn && filedOn >= published.AddDays(-DatelineWindowDays))
            reference = filedOn;
        return EventDater.Date(sentence, predicate, reference, out _);
    }
}
