using System.Net;
using System.Net.Http.Headers;
using FrameworkCompare.Tests.Infrastructure;
using FrameworkCompare.Tests.Media;
using SkiaSharp;

namespace FrameworkCompare.Tests.Editor;

public sealed class ImageUploadTests : IAsyncLifetime
{
    const string ArticlePath = "articles/django-vs-flask.md";
    EditorSite site = null!;

    public async Task InitializeAsync() => site = await EditorSite.StartAsync();
    public async Task DisposeAsync() => await site.DisposeAsync();

    [Fact]
    public async Task AnUploadedImageIsStoredInsertedWithItsAltTextAndPublishable()
    {
        var text = site.Content.Read(ArticlePath) + "\nUnsaved words typed before the upload.\n";

        var response = await UploadAsync(text, TestImages.Encode(SKEncodedImageFormat.Png, 8, 6), "My Chart.png", "Requests per second [by framework]");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = Assert.Single(Directory.GetFiles(site.Content.PathOf("media")));
        Assert.Matches(@"my-chart-[0-9a-f]{10}\.png$", stored);
        var draft = site.Site.Query(db => db.Drafts.Single()).Text;
        Assert.StartsWith(text.TrimEnd(), draft);
        Assert.EndsWith($"![Requests per second \\[by framework\\]](/media/{Path.GetFileName(stored)})\n", draft);

        Assert.Equal(HttpStatusCode.Redirect, (await site.PostEditAsync(ArticlePath, draft)).StatusCode);
        var image = (await site.Site.GetDocumentAsync("/articles/django-vs-flask")).QuerySelector($"article img[src='/media/{Path.GetFileName(stored)}']");
        Assert.Equal("Requests per second [by framework]", image!.GetAttribute("alt"));
    }

    [Fact]
    public async Task AnSvgIsRefusedAndTheTextIsKept()
    {
        var text = site.Content.Read(ArticlePath) + "\nKept words.\n";
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray();

        var response = await UploadAsync(text, svg, "chart.png", "A chart");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("Only PNG, JPEG and WebP", page.QuerySelector(".warning")!.TextContent);
        Assert.Equal(text, page.QuerySelector("textarea#content")!.TextContent.ReplaceLineEndings("\n"));
        Assert.False(Directory.Exists(site.Content.PathOf("media")) && Directory.EnumerateFiles(site.Content.PathOf("media")).Any());
    }

    [Fact]
    public async Task AnImageWithoutAltTextIsRefused()
    {
        var response = await UploadAsync(site.Content.Read(ArticlePath), TestImages.Encode(SKEncodedImageFormat.Png), "chart.png", " ");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Alt text", (await Html.ParseAsync(response)).QuerySelector(".warning")!.TextContent);
    }

    async Task<HttpResponseMessage> UploadAsync(string text, byte[] image, string fileName, string alt)
    {
        var page = await site.OpenEditorAsync(ArticlePath);
        var form = new MultipartFormDataContent
        {
            { new StringContent(text), "Text" },
            { new StringContent(page.QuerySelector("input[name=BaseHash]")!.GetAttribute("value")!), "BaseHash" },
            { new StringContent("upload"), "intent" },
            { new StringContent(alt), "ImageAlt" },
            { new StringContent(EditorSite.Token(page)), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(image);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "Image", fileName);
        return await site.Editor.PostAsync($"/editor/edit/{ArticlePath}", form);
    }
}
