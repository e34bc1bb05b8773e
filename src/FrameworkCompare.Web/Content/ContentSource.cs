using System.Security.Cryptography;
using System.Text;
using FrameworkCompare.Web.Models;

namespace FrameworkCompare.Web.Content;

/// <summary>One file of the content folder as read from disk, before parsing.</summary>
public sealed record ContentSource(string Path, ContentKind Kind, byte[] Bytes, string Hash)
{
    // Bump when parsing or rendering changes, so every file is imported again.
    const string ParserVersion = "4";
    static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The file at <paramref name="path"/> inside <paramref name="root"/>, or null when there is none.</summary>
    /// <exception cref="ContentFileRefusedException">It is a link, in a linked folder, a special file or hard-linked.</exception>
    public static ContentSource? Read(string root, string path, ContentKind kind) =>
        ContentFiles.ReadAllBytes(root, path) is { } bytes ? FromBytes(path, kind, bytes) : null;

    /// <summary>A file's content as it would be read from <paramref name="path"/>: how drafts are checked before they are written.</summary>
    public static ContentSource FromBytes(string path, ContentKind kind, byte[] bytes)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(bytes);
        sha.AppendData(Encoding.ASCII.GetBytes(ParserVersion));
        return new ContentSource(path, kind, bytes, Convert.ToHexString(sha.GetHashAndReset()));
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
