using System.Runtime.InteropServices;

namespace Dyad.Bench;

/// <summary>CPU time of the calling thread (Linux clock_gettime): on a machine shared with other jobs it measures our
/// work rather than the time spent waiting for a core.</summary>
internal static partial class ThreadCpu
{
    private const int ClockThreadCpuTime = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    /// <summary>Nanoseconds of CPU this thread has used; falls back to wall-clock ticks off Linux.</summary>
    public static long Nanoseconds()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(ClockThreadCpuTime, out var t) == 0) return t.Seconds * 1_000_000_000 + t.Nanoseconds;
        return System.Diagnostics.Stopwatch.GetElapsedTime(0).Ticks * 100;
    }
}
