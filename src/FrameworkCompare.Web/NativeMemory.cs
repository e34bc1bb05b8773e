using System.Runtime.InteropServices;

namespace FrameworkCompare.Web;

/// <summary>
/// glibc's malloc raises its mmap threshold each time a large block is freed, so the native buffers of Brotli's
/// encoders and SQLite's page cache end up kept in malloc's arenas long after they are freed (about 20 MB of the
/// resident set under load). A fixed threshold returns blocks of 128 KB and more to the system when freed.
/// </summary>
static class NativeMemory
{
    const int MmapThreshold = -3; // M_MMAP_THRESHOLD in glibc's malloc.h

    public static void ReturnLargeBlocksToTheSystem()
    {
        if (!OperatingSystem.IsLinux()) return;
        try
        {
            mallopt(MmapThreshold, 128 * 1024);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc (musl has no mallopt): its allocator behaves differently and needs nothing here.
        }
    }

    [DllImport("libc", ExactSpelling = true)]
    static extern int mallopt(int parameter, int value);
}
