using FrameworkCompare.Web.Content;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace FrameworkCompare.Web.Caching;

/// <summary>Cache headers for wwwroot: a year for fingerprinted URLs (asp-append-version's ?v=), short otherwise.</summary>
public static class StaticAssets
{
    public const string Immutable = "public, max-age=31536000, immutable", Short = "public, max-age=600";

    public static StaticFileOptions Options { get; } = new()
    {
        OnPrepareResponse = file =>
            file.Context.Response.Headers[HeaderNames.CacheControl] = file.Context.Request.Query.ContainsKey("v") ? Immutable : Short,
    };

    /// <summary>
    /// The content folder's media/ at /media/: only the image types, never a listing. Uploaded names carry a hash of
    /// the bytes, so a name always means the same image and browsers may keep it a year.
    /// </summary>
    public static StaticFileOptions Media(ContentOptions content) =>
        new()
        {
            RequestPath = MediaFiles.UrlPrefix.TrimEnd('/'),
            // Links, special files and hard links in media/ answer 404, as a missing file does.
            FileProvider = new MediaFileProvider(content.FullPath),
            ContentTypeProvider = new FileExtensionContentTypeProvider(new Dictionary<string, string>(MediaFiles.Types, StringComparer.OrdinalIgnoreCase)),
            OnPrepareResponse = file => file.Context.Response.Headers[HeaderNames.CacheControl] = Immutable,
        };
}
