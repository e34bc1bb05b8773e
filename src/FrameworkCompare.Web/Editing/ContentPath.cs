using System.Security.Cryptography;
using FrameworkCompare.Web.Content;
using FrameworkCompare.Web.Models;

namespace FrameworkCompare.Web.Editing;

/// <summary>A content file's path inside content/ as the workspace accepts it: only files the importer reads.</summary>
public static class ContentPath
{
    /// <summary>The normalised path, or null when it is not a content file (or tries to leave the folder).</summary>
    public static string? Normalise(string? path)
    {
        if (string.IsNullOrWhiteSpace(path) || path.Length > 200) return null;
        if (path.Contains('\\') || path.Contains("..") || path.StartsWith('/') || path.Any(char.IsControl)) return null;
        return ContentScanner.KindOf(path) is null ? null : path;
    }

    public static ContentKind KindOf(string path) => ContentScanner.KindOf(path) ?? throw new ArgumentException($"{path} is not a content file");

    public static string FullPath(string root, string path) => Path.Combine(root, path);

    /// <summary>Browsers send a text area's lines ending in CR LF; content files end them in LF.</summary>
    public static string NormaliseText(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n');

    /// <summary>SHA-256 of a file's bytes: what a draft records as the version it started from.</summary>
    public static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
