using System.Net;
using AngleSharp;
using FrameworkCompare.Tests.Infrastructure;
using FrameworkCompare.Web.Content;
using Microsoft.AspNetCore.TestHost;
using SkiaSharp;

namespace FrameworkCompare.Tests.Media;

/// <summary>Images in content/media: served, checked when linked, and carried into the static export.</summary>
public sealed class MediaSiteTests : IDisposable
{
    readonly SiteFactory site = new();
    readonly byte[] png = TestImages.Encode(SKEncodedImageFormat.Png);

    public MediaSiteTests() => AddImage("media/diagram-0123456789.png", png);

    public void Dispose() => site.Dispose();

    TestContent Content => site.Content;

    void AddImage(string relative, byte[] bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Content.PathOf(relative))!);
        Content.WriteBytes(relative, bytes);
    }

    void LinkImage(string markdown) => Content.Replace("articles/django-vs-flask.md", "More words.", markdown);

    [Theory]
    [InlineData("GET")]
    [InlineData("HEAD")]
    public async Task AnImageIsServedWithItsTypeAndCachedForAYear(string method)
    {
        var response = await site.CreateReader().SendAsync(new HttpRequestMessage(new HttpMethod(method), "/media/diagram-0123456789.png"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(png.Length, response.Content.Headers.ContentLength);
        if (method == "GET") Assert.Equal(png, await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/media/missing-0123456789.png")]
    [InlineData("/media/notes.txt")]
    [InlineData("/media/")]
    [InlineData("/media")]
    [InlineData("/media/../attributes.yml")]
    [InlineData("/media/../secret.png")]
    [InlineData("/media/%2e%2e/secret.png")]
    [InlineData("/media/..%2fsecret.png")]
    [InlineData("/media/%2e%2e%2fsecret.png")]
    [InlineData("/media/..%5csecret.png")]
    [InlineData("/media/%252e%252e%252fsecret.png")]
    public async Task AnythingButAnImageInMediaIs404(string url)
    {
        Content.Write("media/notes.txt", "not an image");
        AddImage("secret.png", png);
        var client = site.CreateReader();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
        // HttpClient removes dot segments itself; send the path as given, too.
        var raw = await site.Server.SendAsync(c => (c.Request.Method, c.Request.Path) = ("GET", Uri.UnescapeDataString(url)));
        Assert.Equal(404, raw.Response.StatusCode);
    }

    [Fact]
    public async Task ALinkedImageIsRenderedWithItsAltText()
    {
        LinkImage("![The request pipeline](/media/diagram-0123456789.png)");
        await site.ImportAsync();

        var page = await site.GetDocumentAsync("/articles/django-vs-flask");
        var image = page.QuerySelector("img[src='/media/diagram-0123456789.png']");
        Assert.NotNull(image);
        Assert.Equal("The request pipeline", image.GetAttribute("alt"));
    }

    [Fact]
    public void AMissingMediaImageIsAnErrorAtItsLine()
    {
        LinkImage("![The request pipeline](/media/missing-0123456789.png)");

        var problem = Assert.Single(ContentCheck.Problems(Content.Root), p => p.Message.Contains("missing-0123456789.png"));
        Assert.False(problem.IsWarning);
        Assert.Equal(("articles/django-vs-flask.md", LineOf("articles/django-vs-flask.md", "![")), (problem.File, problem.Line));
    }

    [Theory]
    [InlineData("/media/../attributes.yml")]
    [InlineData("/media/notes.txt")]
    public void AMediaLinkToSomethingElseIsAnError(string url)
    {
        Content.Write("media/notes.txt", "not an image");
        LinkImage($"![Notes]({url})");
        Assert.Contains(ContentCheck.Problems(Content.Root), p => !p.IsWarning && p.File == "articles/django-vs-flask.md" && p.Message.Contains("only .png"));
    }

    [Fact]
    public void AnImageWithoutAltTextIsAWarning()
    {
        LinkImage("![](/media/diagram-0123456789.png)");

        var problem = Assert.Single(ContentCheck.Problems(Content.Root));
        Assert.True(problem.IsWarning);
        Assert.Contains("alt text", problem.Message);
        Assert.Equal(LineOf("articles/django-vs-flask.md", "!["), problem.Line);
    }

    [Fact]
    public void TheScannerWarnsAboutOtherFilesInMediaButNotImages()
    {
        AddImage("media/photo-0123456789.jpg", TestImages.Encode(SKEncodedImageFormat.Jpeg));
        AddImage("media/photo-0123456789.webp", TestImages.Encode(SKEncodedImageFormat.Webp));
        Content.Write("media/notes.txt", "not an image");
        AddImage("media/anim.gif", [0x47, 0x49, 0x46]);

        var ignored = ContentScanner.Scan(Content.Root).Ignored;

        Assert.Equal(["media/anim.gif", "media/notes.txt"], ignored);
        Assert.DoesNotContain(ContentCheck.Problems(Content.Root), p => p.File.StartsWith("media/photo") || p.File.StartsWith("media/diagram"));
    }

    [Fact]
    public async Task TheStaticExportCopiesLinkedImages()
    {
        LinkImage("![The request pipeline](/media/diagram-0123456789.png)");
        await site.ImportAsync();
        var folder = Path.Combine(Directory.CreateTempSubdirectory("fc-export-").FullName, "site");
        try
        {
            var result = await new SiteExporter(site.CreateReader(), folder, FrameworkCompare.Web.Caching.PageCompression.ForExportedFile).ExportAsync(precompress: false);

            Assert.Empty(result.Problems);
            Assert.Equal(png, File.ReadAllBytes(Path.Combine(folder, "media", "diagram-0123456789.png")));
            var page = await BrowsingContext.New(Configuration.Default)
                .OpenAsync(r => r.Content(File.ReadAllText(Path.Combine(folder, "articles", "django-vs-flask", "index.html"))));
            Assert.NotNull(page.QuerySelector("img[src='/media/diagram-0123456789.png']"));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }

    int LineOf(string relative, string text) => Array.FindIndex(Content.Read(relative).Split('\n'), l => l.Contains(text)) + 1;
}
