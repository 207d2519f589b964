using System.Runtime.InteropServices;

namespace Dyad.Nlp;

/// <summary>
/// Asks Linux to back a large, read-mostly weight table with 2 MiB pages. Scoring reads rows at random across tens
/// of megabytes, and with 4 KiB pages nearly every read also misses the TLB; huge pages remove most of those misses.
/// Only a hint: anywhere it is not supported (other systems, kernels without MADV_COLLAPSE, THP disabled) nothing
/// changes but the speed.
/// </summary>
internal static unsafe partial class HugePages
{
    private const int AdviseHugePage = 14; // MADV_HUGEPAGE: let the kernel use huge pages for the range
    private const int AdviseCollapse = 25; // MADV_COLLAPSE (Linux 6.1+): do it now for pages already filled
    private const long PageSize = 2 << 20;

    [LibraryImport("libc", EntryPoint = "madvise")]
    private static partial int Madvise(nint address, nuint length, int advice);

    /// <summary>
    /// A new array for a large table, asked for huge pages before anything touches its memory, so that filling it
    /// takes one page fault per 2 MiB instead of one per 4 KiB, and no later copy into huge pages is needed. Loading
    /// the models spent a fifth of its time zeroing, faulting in and then collapsing small pages. With
    /// <paramref name="zeroed"/> false the caller must write every element before reading any.
    /// </summary>
    public static T[] NewTable<T>(int length, bool zeroed) where T : unmanaged
    {
        if (!OperatingSystem.IsLinux() || (long)length * sizeof(T) < 4 * PageSize) return new T[length];
        // Large uninitialized arrays are handed out without clearing, so their fresh pages are still untouched here.
        var table = GC.AllocateUninitializedArray<T>(length);
        Advise(table, collapse: false);
        if (zeroed) Array.Clear(table);
        return table;
    }

    /// <summary>Requests huge pages for the whole 2 MiB pages inside <paramref name="table"/>; call after filling it.</summary>
    public static void Request<T>(T[] table) where T : unmanaged => Advise(table, collapse: true);

    private static void Advise<T>(T[] table, bool collapse) where T : unmanaged
    {
        long bytes = (long)table.Length * sizeof(T);
        if (!OperatingSystem.IsLinux() || bytes < 4 * PageSize) return;
        // Arrays this large live on the large object heap, which the GC does not move, so the advice stays with the table.
        fixed (T* first = table)
        {
            long start = ((long)first + PageSize - 1) & ~(PageSize - 1);
            long end = ((long)first + bytes) & ~(PageSize - 1);
            if (end <= start) return;
            try
            {
                if (Madvise((nint)start, (nuint)(end - start), AdviseHugePage) == 0 && collapse)
                    Madvise((nint)start, (nuint)(end - start), AdviseCollapse);
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                // No libc madvise: keep normal pages.
            }
        }
    }
}
