using System.Security.Cryptography;
using System.Text;
using FrameworkCompare.Web.Models;

namespace FrameworkCompare.Web.Content;

/// <summary>
/// One file of the content folder before parsing. A file a restart found unchanged by its metadata is not read:
/// it carries its recorded hash, and its bytes are read (and the hash taken again) only when a parser asks for them.
/// </summary>
public sealed class ContentSource
{
    // Bump when parsing or rendering changes, so every file is imported again.
    const string ParserVersion = "4";
    static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    readonly Func<byte[]>? read;
    byte[]? bytes;

    ContentSource(string path, ContentKind kind, byte[]? bytes, string hash, ContentFileInfo? stat, Func<byte[]>? read)
    {
        (Path, Kind, this.bytes, Hash, Stat, this.read) = (path, kind, bytes, hash, stat, read);
    }

    public string Path { get; }
    public ContentKind Kind { get; }
    public string Hash { get; private set; }
    /// <summary>What the file's handle said when the scan opened it; null for text that did not come from disk.</summary>
    public ContentFileInfo? Stat { get; }
    public bool IsRead => bytes is not null;

    /// <exception cref="IOException">A file left unread by the scan can no longer be read.</exception>
    public byte[] Bytes
    {
        get
        {
            if (bytes is not null) return bytes;
            var fresh = read!();
            Hash = HashOf(fresh);
            return bytes = fresh;
        }
    }

    /// <summary>The file at <paramref name="path"/> inside <paramref name="root"/>, or null when there is none.</summary>
    /// <exception cref="ContentFileRefusedException">It is a link, in a linked folder, a special file or hard-linked.</exception>
    public static ContentSource? Read(string root, string path, ContentKind kind) => Read(root, path, kind, null);

    /// <summary>
    /// As <see cref="Read(string, string, ContentKind)"/>, but a file whose handle matches <paramref name="known"/>
    /// (see <see cref="UnchangedFiles"/>) is not read: it keeps the recorded hash, its bytes read only when asked for.
    /// </summary>
    public static ContentSource? Read(string root, string path, ContentKind kind, ContentFileRecord? known)
    {
        using var stream = ContentFiles.OpenRead(root, path, out var stat);
        if (stream is null) return null;
        if (known is not null && UnchangedFiles.Trusts(known, stat))
            return new(path, kind, null, known.Hash, stat, () => ContentFiles.ReadAllBytes(root, path) ?? throw new FileNotFoundException($"{path} is gone"));
        return Of(path, kind, ContentFiles.ReadAll(stream), stat);
    }

    /// <summary>A file's content as it would be read from <paramref name="path"/>: how drafts are checked before they are written.</summary>
    public static ContentSource FromBytes(string path, ContentKind kind, byte[] bytes) => Of(path, kind, bytes, null);

    static ContentSource Of(string path, ContentKind kind, byte[] bytes, ContentFileInfo? stat) =>
        new(path, kind, bytes, HashOf(bytes), stat, null);

    static string HashOf(byte[] bytes)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(bytes);
        sha.AppendData(Encoding.ASCII.GetBytes(ParserVersion));
        return Convert.ToHexString(sha.GetHashAndReset());
    }

    /// <summary>The text with Unix line ends, or null (and a problem) when it is not UTF-8.</summary>
    public string? ReadText(List<ContentProblem> problems)
    {
        try
        {
            var text = StrictUtf8.GetString(Bytes);
            if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
            return text.Replace("\r\n", "\n").Replace('\r', '\n');
        }
        catch (DecoderFallbackException e)
        {
            var line = 1 + Bytes.Take(Math.Max(0, e.Index)).Count(b => b == (byte)'\n');
            problems.Add(new ContentProblem(Path, line, "the file is not valid UTF-8; save it as UTF-8"));
            return null;
        }
    }

    /// <summary>The line a top-level front matter field starts on, for messages about the whole entry.</summary>
    public int LineOfField(string field)
    {
        var lines = System.Text.Encoding.UTF8.GetString(Bytes).Split('\n');
        var index = Array.FindIndex(lines, l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return index < 0 ? 1 : index + 1;
    }
}
