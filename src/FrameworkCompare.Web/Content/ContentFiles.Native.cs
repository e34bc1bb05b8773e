using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace FrameworkCompare.Web.Content;

public static partial class ContentFiles
{
    /// <summary>
    /// libc calls for Linux. statx is used rather than fstat because its record has one layout on every
    /// architecture; only two open flags differ (arm, arm64 and ppc64le number them otherwise).
    /// </summary>
    static class Native
    {
        static readonly bool ArmFlags = RuntimeInformation.ProcessArchitecture is Architecture.Arm or Architecture.Arm64 or Architecture.Armv6 or Architecture.Ppc64le;
        static readonly int ODirectory = ArmFlags ? 0x4000 : 0x10000, ONoFollow = ArmFlags ? 0x8000 : 0x20000;
        const int OReadOnly = 0, OWriteOnly = 1, OCreate = 0x40, OExclusive = 0x80, ONoCtty = 0x100, ONonBlock = 0x800, OCloseOnExec = 0x80000;
        const int AtSymlinkNoFollow = 0x100, AtEmptyPath = 0x1000;
        const uint StatxBasic = 0x7ff;
        const int ENoEnt = 2, ENxio = 6, ENotDir = 20, ELoop = 40;
        const int SIfMt = 0xF000, SIfReg = 0x8000, SIfLnk = 0xA000;

        /// <summary>An open descriptor of a folder, closed on dispose.</summary>
        public sealed class Folder(int fd) : IDisposable
        {
            public int Fd { get; private set; } = fd;

            public void Dispose()
            {
                if (Fd >= 0) close(Fd);
                Fd = -1;
            }
        }

        /// <summary>The folder that holds the file, each step opened without following links; null when one is missing.</summary>
        public static Folder? OpenFolders(string root, string relativePath, string[] folders, bool create)
        {
            var fd = open(root, OReadOnly | ODirectory | OCloseOnExec, 0);
            if (fd < 0) return Errno() == ENoEnt && !create ? null : throw Failure(root);
            var folder = new Folder(fd);
            try
            {
                foreach (var name in folders)
                {
                    var next = openat(folder.Fd, name, OReadOnly | ODirectory | ONoFollow | OCloseOnExec, 0);
                    if (next < 0 && Errno() == ENoEnt && create && (mkdirat(folder.Fd, name, 0x1FF) == 0 || Errno() == 17))
                        next = openat(folder.Fd, name, OReadOnly | ODirectory | ONoFollow | OCloseOnExec, 0);
                    if (next < 0)
                    {
                        var error = Errno();
                        if (error is ELoop or ENotDir && IsLink(folder.Fd, name)) throw new ContentFileRefusedException(relativePath, LinkedFolder);
                        if (error is ENoEnt or ENotDir && !create) { folder.Dispose(); return null; }
                        throw Failure(relativePath, error);
                    }
                    folder.Dispose();
                    folder = new Folder(next);
                }
                return folder;
            }
            catch
            {
                folder.Dispose();
                throw;
            }
        }

        /// <summary>The opened file when its handle shows a regular file with one link; null when it does not exist.</summary>
        public static SafeFileHandle? OpenRegular(string root, string relativePath, out ContentFileInfo info)
        {
            info = default;
            var parts = relativePath.Split('/');
            using var folder = OpenFolders(root, relativePath, parts[..^1], create: false);
            if (folder is null) return null;
            // O_NONBLOCK: opening a FIFO would otherwise wait for a writer. O_NOCTTY: a terminal never becomes ours.
            var fd = openat(folder.Fd, parts[^1], OReadOnly | ONoFollow | ONonBlock | ONoCtty | OCloseOnExec, 0);
            if (fd < 0)
            {
                var error = Errno();
                return error switch
                {
                    ENoEnt or ENotDir => null,
                    ELoop => throw new ContentFileRefusedException(relativePath, Link),
                    ENxio => throw new ContentFileRefusedException(relativePath, Special), // a socket
                    _ => throw Failure(relativePath, error),
                };
            }
            var handle = new SafeFileHandle((IntPtr)fd, ownsHandle: true);
            try
            {
                var stat = new byte[256];
                if (statx(fd, "", AtEmptyPath, StatxBasic, stat) != 0) throw Failure(relativePath, Errno());
                var mode = MemoryMarshal.Read<ushort>(stat.AsSpan(28));
                var links = MemoryMarshal.Read<uint>(stat.AsSpan(16));
                if ((mode & SIfMt) != SIfReg) throw new ContentFileRefusedException(relativePath, Special);
                if (links > 1) throw new ContentFileRefusedException(relativePath, HardLinked(links));
                var size = MemoryMarshal.Read<long>(stat.AsSpan(40));
                var seconds = MemoryMarshal.Read<long>(stat.AsSpan(112));
                var nanoseconds = MemoryMarshal.Read<uint>(stat.AsSpan(120));
                var changed = MemoryMarshal.Read<long>(stat.AsSpan(96)) * 1_000_000_000 + MemoryMarshal.Read<uint>(stat.AsSpan(104));
                info = new(size, DateTimeOffset.FromUnixTimeSeconds(seconds).AddTicks(nanoseconds / 100),
                    seconds * 1_000_000_000 + nanoseconds, changed, MemoryMarshal.Read<long>(stat.AsSpan(32)));
                return handle;
            }
            catch
            {
                handle.Dispose();
                throw;
            }
        }

        /// <summary>A new file that did not exist (O_EXCL) and is no link (O_NOFOLLOW), open for writing.</summary>
        public static SafeFileHandle CreateExclusive(Folder folder, string name, string relativePath)
        {
            var fd = openat(folder.Fd, name, OWriteOnly | OCreate | OExclusive | ONoFollow | OCloseOnExec, 0x1B6);
            return fd < 0 ? throw Failure(relativePath, Errno()) : new SafeFileHandle((IntPtr)fd, ownsHandle: true);
        }

        public static void Rename(Folder folder, string from, string to, string relativePath)
        {
            if (renameat(folder.Fd, from, folder.Fd, to) != 0) throw Failure(relativePath, Errno());
        }

        public static void Unlink(Folder folder, string name)
        {
            if (unlinkat(folder.Fd, name, 0) != 0 && Errno() != ENoEnt) throw Failure(name, Errno());
        }

        /// <summary>The kernel's own name for the opened folder, so no link on the way is left unresolved.</summary>
        public static string RealPath(string full)
        {
            var fd = open(full, OReadOnly | ODirectory | OCloseOnExec, 0);
            if (fd < 0) return full;
            try { return new FileInfo($"/proc/self/fd/{fd}").LinkTarget ?? ManagedFallback.RealPath(full); }
            finally { close(fd); }
        }

        static bool IsLink(int folder, string name)
        {
            var stat = new byte[256];
            return statx(folder, name, AtSymlinkNoFollow, StatxBasic, stat) == 0
                && (MemoryMarshal.Read<ushort>(stat.AsSpan(28)) & SIfMt) == SIfLnk;
        }

        static int Errno() => Marshal.GetLastPInvokeError();

        static IOException Failure(string path, int? errno = null)
        {
            var code = errno ?? Errno();
            return new IOException($"{path}: {Marshal.GetPInvokeErrorMessage(code)}", code);
        }

        [DllImport("libc", SetLastError = true)]
        static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, int mode);

        [DllImport("libc", SetLastError = true)]
        static extern int openat(int folder, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, int mode);

        [DllImport("libc", SetLastError = true)]
        static extern int close(int fd);

        [DllImport("libc", SetLastError = true)]
        static extern int statx(int folder, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);

        [DllImport("libc", SetLastError = true)]
        static extern int mkdirat(int folder, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int mode);

        [DllImport("libc", SetLastError = true)]
        static extern int renameat(int fromFolder, [MarshalAs(UnmanagedType.LPUTF8Str)] string from, int toFolder, [MarshalAs(UnmanagedType.LPUTF8Str)] string to);

        [DllImport("libc", SetLastError = true)]
        static extern int unlinkat(int folder, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);
    }
}
