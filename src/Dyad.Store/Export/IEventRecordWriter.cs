namespace Dyad.Store.Export;

/// <summary>A text format that writes stored events one record at a time (a line, or a JSON object per line).</summary>
public interface IEventRecordWriter
{
    /// <summary>Writes the header line, if the format has one; called once before the first record.</summary>
    void WriteHeader();

    /// <summary>Writes one event; false when the format has no place for it (PLOVER drops CAMEO 01 and 02).</summary>
    bool Write(StoredEvent e);
}
