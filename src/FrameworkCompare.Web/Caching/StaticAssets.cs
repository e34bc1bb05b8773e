using FrameworkCompare.Web.Content;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
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
    public static StaticFileOptions Media(ContentOptions content)
    {
        IFileProvider files = new NullFileProvider();
        // A missing content folder is reported by the importer; creating it here would hide that.
        if (Directory.Exists(content.FullPath))
        {
            Directory.CreateDirectory(content.MediaPath);
            files = new PhysicalFileProvider(content.MediaPath);
        }
        return new StaticFileOptions
        {
            RequestPath = MediaFiles.UrlPrefix.TrimEnd('/'),
            FileProvider = files,
            ContentTypeProvider = new FileExtensionContentTypeProvider(new Dictionary<string, string>(MediaFiles.Types, StringComparer.OrdinalIgnoreCase)),
            OnPrepareResponse = file => file.Context.Response.Headers[HeaderNames.CacheControl] = Immutable,
        };
    }
}
