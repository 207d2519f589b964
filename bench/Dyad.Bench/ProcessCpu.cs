using System.Diagnostics;

namespace Dyad.Bench;

/// <summary>
/// CPU time of the whole process, every thread included (DuckDB's worker threads, the server's): on a machine shared
/// with other jobs it says what a query cost, where wall time mostly says how long it waited for a core.
/// </summary>
internal static class ProcessCpu
{
    public static double Milliseconds()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalMilliseconds;
    }
}
