using System.Diagnostics;
using System.Globalization;
using System.Text;
using Dyad.Text.Readers;

namespace Dyad.Cli.Input;

/// <summary>Counts documents read and records skipped (by reason) and renders the closing summary line.</summary>
internal sealed class InputSummary
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly SortedDictionary<string, long> _skipped = new(StringComparer.Ordinal);

    public long Read { get; private set; }
    public long Skipped { get; private set; }
    public TimeSpan Elapsed => _clock.Elapsed;
    public double DocumentsPerSecond => Read / Math.Max(_clock.Elapsed.TotalSeconds, 1e-9);

    public void CountRead() => Read++;

    public void CountSkipped(RejectReason reason)
    {
        Skipped++;
        var code = reason.Code();
        _skipped[code] = _skipped.GetValueOrDefault(code) + 1;
    }

    /// <summary>"read 12 documents, skipped 3 (empty-text 1, malformed 2) in 0.4 s".</summary>
    public string Line()
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(inv, $"read {Read:N0} document{(Read == 1 ? "" : "s")}, skipped {Skipped:N0}");
        if (Skipped > 0)
        {
            sb.Append(" (");
            bool first = true;
            foreach (var (code, count) in _skipped)
            {
                if (!first) sb.Append(", ");
                sb.Append(inv, $"{code} {count:N0}");
                first = false;
            }
            sb.Append(')');
        }
        sb.Append(inv, $" in {Elapsed.TotalSeconds:0.0} s");
        return sb.ToString();
    }
}
