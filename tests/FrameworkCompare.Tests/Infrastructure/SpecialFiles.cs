using System.Runtime.InteropServices;

namespace FrameworkCompare.Tests.Infrastructure;

/// <summary>Hard links and FIFOs for tests of what the site refuses to read (Linux: libc's link and mkfifo).</summary>
public static class SpecialFiles
{
    /// <summary>
    /// The task's result. Not a timing assertion: a read that blocks on a FIFO would never finish, so after a generous
    /// deadline a writer opens the FIFO to release it, and the test fails instead of hanging the run.
    /// </summary>
    public static T AwaitUnblocked<T>(Task<T> task, string fifo)
    {
        if (task.Wait(TimeSpan.FromSeconds(60))) return task.Result;
        using (new FileStream(fifo, FileMode.Open, FileAccess.Write)) { }
        Assert.Fail($"reading {fifo} waited for a writer");
        return default!;
    }

    public static void HardLink(string existing, string link)
    {
        if (Native.link(existing, link) != 0) throw new IOException($"link failed: {Marshal.GetLastPInvokeError()}");
    }

    public static void MakeFifo(string path)
    {
        if (Native.mkfifo(path, 0x1A4) != 0) throw new IOException($"mkfifo failed: {Marshal.GetLastPInvokeError()}");
    }

    static class Native
    {
        [DllImport("libc", SetLastError = true)]
        public static extern int link([MarshalAs(UnmanagedType.LPUTF8Str)] string existing,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string link);

        [DllImport("libc", SetLastError = true)]
        public static extern int mkfifo([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int mode);
    }
}
