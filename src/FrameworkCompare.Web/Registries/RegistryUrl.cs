using System.Text;

namespace FrameworkCompare.Web.Registries;

/// <summary>
/// Builds a registry request URL from its base and path segments. Each segment is percent-encoded as one segment (a "/"
/// inside becomes %2F), "." and ".." segments are refused, and the result is checked to lie under the base path, so no
/// package name or registry-supplied version can reach another path on the server.
/// </summary>
public static class RegistryUrl
{
    public static Uri Build(string baseUrl, params string[] segments)
    {
        var root = new Uri(baseUrl.TrimEnd('/') + "/", UriKind.Absolute);
        var path = new StringBuilder();
        foreach (var segment in segments)
        {
            if (segment is "" or "." or "..") throw new RegistryNameException($"'{segment}' cannot be a path segment of a registry URL");
            if (path.Length > 0) path.Append('/');
            path.Append(Escape(segment));
        }
        var url = new Uri(root, path.ToString());
        if (url.Scheme != root.Scheme || url.Authority != root.Authority || !url.AbsolutePath.StartsWith(root.AbsolutePath, StringComparison.Ordinal))
            throw new RegistryNameException($"{url} is not under the registry's base {root}");
        return url;
    }

    /// <summary>RFC 3986 pchar: unreserved characters and the sub-delimiters and '@' stay (npm's @scope, Go's !-escapes); all else is encoded.</summary>
    static string Escape(string segment)
    {
        var escaped = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(segment))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || "-._~!$&'()*+,;=@".Contains(c)) escaped.Append(c);
            else escaped.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return escaped.ToString();
    }
}

/// <summary>A package name or registry answer that cannot make a safe request URL; reported like a registry that could not be asked.</summary>
public sealed class RegistryNameException(string message) : InvalidOperationException(message);
