using Microsoft.Win32.SafeHandles;

namespace FrameworkCompare.Web.Content;

/// <summary>A path inside content/ that is not read: a symbolic link, a special file or a possible hard link.</summary>
public sealed class ContentFileRefusedException(string path, string problem) : IOException($"{path} {problem}")
{
    public string Path { get; } = path;
    public string Problem { get; } = problem;
}

/// <summary>
/// What a regular content file's handle says about it. The times in nanoseconds since 1970 and the inode are what a
/// restart compares to tell a file unchanged without reading it; off Linux ChangedNs and Inode are 0.
/// </summary>
public readonly record struct ContentFileInfo(long Length, DateTimeOffset LastModified, long ModifiedNs = 0, long ChangedNs = 0, long Inode = 0);

/// <summary>An entry found below content/: a file, a special file, or a symbolic link (never followed).</summary>
public readonly record struct ContentEntry(string Path, bool IsLink);

/// <summary>
/// The one way the site opens files inside content/. Every folder on the way is opened with O_NOFOLLOW from the
/// content root, and the file itself with O_NOFOLLOW | O_NONBLOCK (so a FIFO cannot hang a read); the decision is
/// made on the opened handle (statx), never on a path checked first: only a regular file with one link is read.
/// A file with more than one link is refused as a possible hard link to a file outside content/ (git never makes
/// them; copy such a file instead). The content root itself may be a symbolic link: ContentOptions resolves it once.
/// </summary>
public static partial class ContentFiles
{
    public const string Link = "is a symbolic link; content must be regular files inside content/";
    public const string LinkedFolder = "is in a folder that is a symbolic link; content must be regular files inside content/";
    public const string Special = "is not a regular file (a FIFO, device, socket or folder); content must be regular files inside content/";

    public static string HardLinked(uint links) =>
        $"has {links} hard links, so it may be a hard link to a file outside content/; content must be regular files inside content/ (copy the file instead of linking it)";

    /// <summary>Opens a regular file for reading; null when it does not exist.</summary>
    /// <exception cref="ContentFileRefusedException">It is a link, in a linked folder, a special file or hard-linked.</exception>
    public static FileStream? OpenRead(string root, string relativePath) => OpenRead(root, relativePath, out _);

    /// <summary>Opens a regular file for reading, with what its handle says about it; null when it does not exist.</summary>
    public static FileStream? OpenRead(string root, string relativePath, out ContentFileInfo info)
    {
        var handle = OpenChecked(root, relativePath, out info);
        return handle is null ? null : new FileStream(handle, FileAccess.Read, bufferSize: 0);
    }

    /// <summary>The file's bytes; null when it does not exist. Refusals throw <see cref="ContentFileRefusedException"/>.</summary>
    public static byte[]? ReadAllBytes(string root, string relativePath)
    {
        using var stream = OpenRead(root, relativePath);
        return stream is null ? null : ReadAll(stream);
    }

    public static byte[] ReadAll(FileStream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    public static async Task<byte[]?> ReadAllBytesAsync(string root, string relativePath, CancellationToken ct)
    {
        await using var stream = OpenRead(root, relativePath);
        if (stream is null) return null;
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    /// <summary>For the workspace: the bytes of a file it may show, or null when it is missing or refused (the import lists refusals).</summary>
    public static async Task<byte[]?> ReadIfAllowedAsync(string root, string relativePath, CancellationToken ct)
    {
        try { return await ReadAllBytesAsync(root, relativePath, ct); }
        catch (ContentFileRefusedException) { return null; }
    }

    /// <summary>Size and time of a regular file, from its opened handle; null when it does not exist.</summary>
    public static ContentFileInfo? Stat(string root, string relativePath)
    {
        using var handle = OpenChecked(root, relativePath, out var info);
        return handle is null ? null : info;
    }

    /// <summary>Why the file would be refused, or null when it is a regular file or missing.</summary>
    public static string? Refusal(string root, string relativePath)
    {
        try
        {
            Stat(root, relativePath);
            return null;
        }
        catch (ContentFileRefusedException e)
        {
            return e.Problem;
        }
    }

    /// <summary>
    /// Every entry below <paramref name="root"/> but dot files and dot folders, in ordinal order. A symbolic link is
    /// listed as such and never followed, so a linked folder's files are not listed.
    /// </summary>
    public static List<ContentEntry> Walk(string root)
    {
        var found = new List<ContentEntry>();
        void Visit(DirectoryInfo folder, string prefix)
        {
            IEnumerable<FileSystemInfo> entries;
            try { entries = folder.EnumerateFileSystemInfos("*", new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = true }).ToList(); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return; }
            foreach (var entry in entries.OrderBy(e => e.Name, StringComparer.Ordinal))
            {
                if (entry.Name.StartsWith('.')) continue;
                var path = prefix + entry.Name;
                if (entry.Attributes.HasFlag(FileAttributes.ReparsePoint) || entry.LinkTarget is not null) found.Add(new(path, IsLink: true));
                else if (entry is DirectoryInfo sub) Visit(sub, path + "/");
                else found.Add(new(path, IsLink: false));
            }
        }
        if (Directory.Exists(root)) Visit(new DirectoryInfo(root), "");
        return found;
    }

    /// <summary>Whether a folder on the way to <paramref name="relativePath"/> is a symbolic link (for events the watcher sees).</summary>
    public static bool ThroughLinkedFolder(string root, string relativePath)
    {
        var parts = relativePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var path = root;
        foreach (var part in parts[..^1])
        {
            path = System.IO.Path.Combine(path, part);
            if (new DirectoryInfo(path).LinkTarget is not null) return true;
        }
        return false;
    }

    /// <summary>
    /// Writes the file through a temporary dot file beside it, flushed to disk, then renamed over it: a link at the
    /// file's place is replaced, never followed; a linked folder on the way is refused. Missing folders are created.
    /// </summary>
    public static void WriteAtomically(string root, string relativePath, byte[] bytes)
    {
        var (folders, name) = Split(relativePath);
        if (!OperatingSystem.IsLinux())
        {
            ManagedFallback.Write(root, relativePath, bytes);
            return;
        }
        using var folder = Native.OpenFolders(root, relativePath, folders, create: true)!;
        var temp = $".{name}.{Guid.NewGuid():N}.tmp";
        var handle = Native.CreateExclusive(folder, temp, relativePath);
        try
        {
            using (var stream = new FileStream(handle, FileAccess.Write, bufferSize: 0))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            Native.Rename(folder, temp, name, relativePath);
        }
        catch
        {
            Native.Unlink(folder, temp);
            throw;
        }
    }

    /// <summary>Deletes the file (a link there is removed, not its target); a missing file is no error.</summary>
    public static void Delete(string root, string relativePath)
    {
        var (folders, name) = Split(relativePath);
        if (!OperatingSystem.IsLinux())
        {
            File.Delete(System.IO.Path.Combine(root, relativePath));
            return;
        }
        using var folder = Native.OpenFolders(root, relativePath, folders, create: false);
        if (folder is not null) Native.Unlink(folder, name);
    }

    /// <summary>The folder's real path, every symbolic link in it resolved; the path itself when it does not exist.</summary>
    public static string RealPath(string folder)
    {
        var full = System.IO.Path.GetFullPath(folder);
        if (!Directory.Exists(full)) return full;
        return OperatingSystem.IsLinux() ? Native.RealPath(full) : ManagedFallback.RealPath(full);
    }

    static SafeFileHandle? OpenChecked(string root, string relativePath, out ContentFileInfo info)
    {
        Split(relativePath);
        return OperatingSystem.IsLinux() ? Native.OpenRegular(root, relativePath, out info) : ManagedFallback.Open(root, relativePath, out info);
    }

    static (string[] Folders, string Name) Split(string relativePath)
    {
        var parts = relativePath.Split('/');
        if (parts.Any(p => p.Length == 0 || p is "." or ".." || p.Contains('\0') || p.Contains('\\')))
            throw new ArgumentException($"'{relativePath}' is not a path inside the content folder", nameof(relativePath));
        return (parts[..^1], parts[^1]);
    }

    /// <summary>
    /// Where libc is not at hand (Windows, macOS): links are checked on the path before opening, which a racing
    /// writer could beat, and hard links are not detected. The site is run on Linux, where none of this is used.
    /// </summary>
    static class ManagedFallback
    {
        public static SafeFileHandle? Open(string root, string relativePath, out ContentFileInfo info)
        {
            info = default;
            var full = Check(root, relativePath);
            if (full is null) return null;
            var file = new FileInfo(full);
            if (file.LinkTarget is not null) throw new ContentFileRefusedException(relativePath, Link);
            if (!file.Exists) return Directory.Exists(full) ? throw new ContentFileRefusedException(relativePath, Special) : null;
            info = new(file.Length, file.LastWriteTimeUtc, (file.LastWriteTimeUtc - DateTime.UnixEpoch).Ticks * 100);
            return File.OpenHandle(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }

        public static void Write(string root, string relativePath, byte[] bytes)
        {
            var full = Check(root, relativePath, create: true)!;
            var temp = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(full)!, $".{System.IO.Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
            try
            {
                using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough))
                {
                    stream.Write(bytes);
                    stream.Flush(flushToDisk: true);
                }
                File.Move(temp, full, overwrite: true);
            }
            finally
            {
                if (File.Exists(temp)) File.Delete(temp);
            }
        }

        public static string RealPath(string full) =>
            new DirectoryInfo(full).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full;

        /// <summary>The full path, or null when a folder on the way is missing; a linked folder is refused.</summary>
        static string? Check(string root, string relativePath, bool create = false)
        {
            var path = root;
            var parts = relativePath.Split('/');
            foreach (var part in parts[..^1])
            {
                path = System.IO.Path.Combine(path, part);
                var folder = new DirectoryInfo(path);
                if (folder.LinkTarget is not null) throw new ContentFileRefusedException(relativePath, LinkedFolder);
                if (!folder.Exists && !create) return null;
                if (!folder.Exists) folder.Create();
            }
            return System.IO.Path.Combine(path, parts[^1]);
        }
    }
}
