using System.Net;
using System.Net.Http.Headers;
using FrameworkCompare.Tests.Infrastructure;
using FrameworkCompare.Tests.Media;
using FrameworkCompare.Web.Commands;
using FrameworkCompare.Web.Models;
using SkiaSharp;

namespace FrameworkCompare.Tests.Editor;

/// <summary>
/// Contributors' images go to review like their text: not public until an editor publishes them, within a quota of
/// images waiting per contributor. Editors' and admins' images publish at once.
/// </summary>
public sealed class UploadReviewTests : IAsyncLifetime
{
    const string ArticlePath = "articles/django-vs-flask.md";
    const string ContributorEmail = "cora@example.org";
    EditorSite site = null!;
    HttpClient contributor = null!;

    async Task StartAsync(Dictionary<string, string>? settings = null)
    {
        site = await EditorSite.StartAsync(settings);
        await site.Site.CreateAccountAsync(ContributorEmail, "contributor");
        contributor = await site.Site.SignInAsync(ContributorEmail);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        contributor?.Dispose();
        if (site is not null) await site.DisposeAsync();
    }

    string[] MediaFilesOnDisk() =>
        Directory.Exists(site.Content.PathOf("media")) ? Directory.GetFiles(site.Content.PathOf("media")).Select(f => Path.GetFileName(f)).ToArray() : [];

    List<ReviewItem> Uploads() => site.Site.Query(db => db.ReviewItems.Where(r => r.Kind == ReviewKind.Upload).OrderBy(r => r.Id).ToList());

    List<(int Id, string FileName, long Size, int Length)> WaitingRows() =>
        site.Site.Query(db => db.PendingUploads.OrderBy(p => p.ReviewItemId).Select(p => new { p.ReviewItemId, p.FileName, p.Size, p.Bytes.Length }).ToList())
            .Select(p => (p.ReviewItemId, p.FileName, p.Size, p.Length)).ToList();

    bool AnythingBesideTheDatabase() => Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(site.Site.DatabasePath)!)
        .Any(entry => !Path.GetFileName(entry).StartsWith("site.db", StringComparison.Ordinal));

    [Fact]
    public async Task AContributorsImageWaitsForReviewOutsideContentAndIsNotPublic()
    {
        await StartAsync();

        var response = await UploadAsync(contributor, TestImages.Encode(SKEncodedImageFormat.Png, 8, 6), "chart.png");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Empty(MediaFilesOnDisk());
        var item = Assert.Single(Uploads());
        Assert.Equal((ReviewState.Open, ContributorEmail, "A chart"), (item.State, item.Origin, item.Message));
        Assert.Matches(@"^media/chart-[0-9a-f]{10}\.png$", item.Path);
        var row = Assert.Single(WaitingRows());
        Assert.Equal((item.Id, Path.GetFileName(item.Path!)), (row.Id, row.FileName));
        Assert.Equal(row.Length, row.Size);
        Assert.False(AnythingBesideTheDatabase(), "the waiting image belongs in the database, not in a folder beside it");
        Assert.Equal(HttpStatusCode.NotFound, (await site.Site.CreateReader().GetAsync("/" + item.Path)).StatusCode);
        Assert.EndsWith($"![A chart](/{item.Path})\n", site.Site.Query(db => db.Drafts.Single()).Text);
        Assert.Equal(HttpStatusCode.Forbidden, (await contributor.GetAsync($"/editor/review/{item.Id}/image")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await site.Site.CreateReader().GetAsync($"/editor/review/{item.Id}/image")).StatusCode);
    }

    [Fact]
    public async Task AnEditorSeesTheWaitingImageAndPublishesIt()
    {
        await StartAsync();
        var png = TestImages.Encode(SKEncodedImageFormat.Png, 8, 6);
        await UploadAsync(contributor, png, "chart.png");
        var item = Assert.Single(Uploads());

        var review = await Html.ParseAsync(await site.Editor.GetAsync($"/editor/review/{item.Id}"));
        var image = await site.Editor.GetAsync(review.QuerySelector("figure.pending-image img")!.GetAttribute("src"));
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", image.Headers.CacheControl?.ToString());
        var publish = await site.Editor.PostAsync($"/editor/review/{item.Id}/publish", Token(review));

        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        Assert.Equal([Path.GetFileName(item.Path!)], MediaFilesOnDisk());
        var served = await site.Site.CreateReader().GetAsync("/" + item.Path);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(await image.Content.ReadAsByteArrayAsync(), await served.Content.ReadAsByteArrayAsync());
        Assert.Equal(ReviewState.Accepted, Assert.Single(Uploads()).State);
        Assert.Empty(WaitingRows());
        Assert.Equal(HttpStatusCode.NotFound, (await site.Editor.GetAsync($"/editor/review/{item.Id}/image")).StatusCode);
    }

    [Fact]
    public async Task PublishingASubmissionPublishesTheImagesItLinks()
    {
        await StartAsync();
        await UploadAsync(contributor, TestImages.Encode(SKEncodedImageFormat.Png, 8, 6), "chart.png");
        var upload = Assert.Single(Uploads());
        var draft = site.Site.Query(db => db.Drafts.Single()).Text;
        Assert.Equal(HttpStatusCode.Redirect, (await site.PostEditAsync(ArticlePath, draft, intent: "submit", client: contributor)).StatusCode);
        var submission = site.Site.Query(db => db.ReviewItems.Single(r => r.Kind == ReviewKind.Submission));

        var review = await Html.ParseAsync(await site.Editor.GetAsync($"/editor/review/{submission.Id}"));
        var publish = await site.Editor.PostAsync($"/editor/review/{submission.Id}/publish", Token(review));

        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        Assert.Equal(draft, site.Content.Read(ArticlePath));
        Assert.All(site.Site.Query(db => db.ReviewItems.ToList()), r => Assert.Equal(ReviewState.Accepted, r.State));
        var page = await site.Site.GetDocumentAsync("/articles/django-vs-flask");
        Assert.NotNull(page.QuerySelector($"article img[src='/{upload.Path}']"));
        Assert.Equal(HttpStatusCode.OK, (await site.Site.CreateReader().GetAsync("/" + upload.Path)).StatusCode);
        Assert.Empty(WaitingRows());
    }

    [Fact]
    public async Task ADeclinedImageIsDeletedAndNeverPublished()
    {
        await StartAsync();
        await UploadAsync(contributor, TestImages.Encode(SKEncodedImageFormat.Png, 8, 6), "chart.png");
        var item = Assert.Single(Uploads());
        Assert.Single(WaitingRows());
        var review = await Html.ParseAsync(await site.Editor.GetAsync($"/editor/review/{item.Id}"));

        var decline = await site.Editor.PostAsync($"/editor/review/{item.Id}/decline", Token(review, ("reason", "Not our chart.")));

        Assert.Equal(HttpStatusCode.Redirect, decline.StatusCode);
        Assert.Equal(ReviewState.Declined, Assert.Single(Uploads()).State);
        Assert.Empty(MediaFilesOnDisk());
        Assert.Equal(HttpStatusCode.NotFound, (await site.Editor.GetAsync($"/editor/review/{item.Id}/image")).StatusCode);
        Assert.Empty(WaitingRows());
    }

    [Fact]
    public async Task AWaitingImageSurvivesABackupRestoredIntoAFreshSiteWhoseEditorPublishesIt()
    {
        await StartAsync();
        var png = TestImages.Encode(SKEncodedImageFormat.Png, 8, 6);
        await UploadAsync(contributor, png, "chart.png");
        var item = Assert.Single(Uploads());
        var waiting = await (await site.Editor.GetAsync($"/editor/review/{item.Id}/image")).Content.ReadAsByteArrayAsync();
        var backup = Path.Combine(Directory.CreateTempSubdirectory("fc-backup-").FullName, "site-backup.db");
        var output = new StringWriter();
        Assert.True(await Cli.RunAsync(["backup", backup, $"--ConnectionStrings:Site=Data Source={site.Site.DatabasePath}"], output) == 0, output.ToString());

        // The old site, its database folder and anything beside it are gone; a new machine starts on the backup alone.
        contributor.Dispose();
        await site.DisposeAsync();
        var restored = Path.Combine(Directory.CreateTempSubdirectory("fc-db-").FullName, "site.db");
        File.Copy(backup, restored);
        Directory.Delete(Path.GetDirectoryName(backup)!, recursive: true);
        site = await EditorSite.StartAsync(databasePath: restored);
        contributor = await site.Site.SignInAsync(ContributorEmail);

        var review = await Html.ParseAsync(await site.Editor.GetAsync($"/editor/review/{item.Id}"));
        var image = await site.Editor.GetAsync(review.QuerySelector("figure.pending-image img")!.GetAttribute("src"));
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal(waiting, await image.Content.ReadAsByteArrayAsync());
        var publish = await site.Editor.PostAsync($"/editor/review/{item.Id}/publish", Token(review));

        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        var served = await site.Site.CreateReader().GetAsync("/" + item.Path);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(waiting, await served.Content.ReadAsByteArrayAsync());
        Assert.Equal(ReviewState.Accepted, Assert.Single(Uploads()).State);
        Assert.Empty(WaitingRows());
    }

    [Fact]
    public async Task AContributorMayHaveTwentyImagesWaitingByDefaultAndTheTwentyFirstIsRefusedWithTheFigure()
    {
        await StartAsync();
        for (var i = 0; i < 20; i++)
            Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(contributor, TestImages.Encode(SKEncodedImageFormat.Png, 4 + i, 2), $"chart-{i}.png")).StatusCode);

        var refused = await UploadAsync(contributor, TestImages.Encode(SKEncodedImageFormat.Png, 40, 2), "one-more.png");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var warning = (await Html.ParseAsync(refused)).QuerySelector(".warning")!.TextContent;
        Assert.Contains("you have 20 images waiting for review, and at most 20 may wait at once", warning);
        Assert.Equal(20, Uploads().Count);
        Assert.Equal(20, WaitingRows().Count);
        // The same image again is already waiting: it takes no more room.
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(contributor, TestImages.Encode(SKEncodedImageFormat.Png, 4, 2), "chart-0.png")).StatusCode);
    }

    [Fact]
    public async Task TheMegabyteQuotaRefusesAnImageThatWouldPassItWithTheFigure()
    {
        await StartAsync(new() { ["Media:ContributorQuotaMb"] = "2" });
        // Noise does not compress: each re-encoded PNG is about 1.4 MB.
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(contributor, Noise(1), "noise-1.png")).StatusCode);

        var refused = await UploadAsync(contributor, Noise(2), "noise-2.png");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var warning = (await Html.ParseAsync(refused)).QuerySelector(".warning")!.TextContent;
        Assert.Matches(@"this image \(1\.[0-9]+ MB\) would bring your images waiting for review to 2\.[0-9]+ MB, and at most 2 MB may wait at once", warning);
        Assert.Single(Uploads());
        Assert.InRange(Assert.Single(WaitingRows()).Size, 1024 * 1024, 2 * 1024 * 1024);
    }

    [Fact]
    public async Task AQuotaIsPerContributor()
    {
        await StartAsync(new() { ["Media:ContributorQuotaFiles"] = "1" });
        await site.Site.CreateAccountAsync("dan@example.org", "contributor");
        using var other = await site.Site.SignInAsync("dan@example.org");

        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(contributor, TestImages.Encode(SKEncodedImageFormat.Png, 5, 2), "a.png")).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await UploadAsync(contributor, TestImages.Encode(SKEncodedImageFormat.Png, 6, 2), "b.png")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(other, TestImages.Encode(SKEncodedImageFormat.Png, 6, 2), "b.png")).StatusCode);
    }

    [Theory]
    [InlineData("editor")]
    [InlineData("admin")]
    public async Task EditorsAndAdminsPublishImagesDirectlyWithoutAQuota(string role)
    {
        await StartAsync(new() { ["Media:ContributorQuotaFiles"] = "1", ["Media:ContributorQuotaMb"] = "0.0001" });
        var email = $"{role}-uploader@example.org";
        await site.Site.CreateAccountAsync(email, role);
        using var client = await site.Site.SignInAsync(email);

        foreach (var width in new[] { 5, 6, 7 })
            Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(client, TestImages.Encode(SKEncodedImageFormat.Png, width, 2), $"w{width}.png")).StatusCode);

        Assert.Equal(3, MediaFilesOnDisk().Length);
        Assert.Empty(Uploads());
        foreach (var name in MediaFilesOnDisk())
            Assert.Equal(HttpStatusCode.OK, (await site.Site.CreateReader().GetAsync($"/media/{name}")).StatusCode);
    }

    static byte[] Noise(int seed)
    {
        var random = new Random(seed);
        using var bitmap = new SKBitmap(600, 600, SKColorType.Rgba8888, SKAlphaType.Opaque);
        var pixels = new byte[600 * 600 * 4];
        random.NextBytes(pixels);
        for (var i = 3; i < pixels.Length; i += 4) pixels[i] = 255;
        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 90);
        return data.ToArray();
    }

    static FormUrlEncodedContent Token(AngleSharp.Html.Dom.IHtmlDocument page, params (string Key, string Value)[] fields) =>
        new(new Dictionary<string, string>(fields.Select(f => KeyValuePair.Create(f.Key, f.Value))) { ["__RequestVerificationToken"] = EditorSite.Token(page) });

    async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] image, string fileName)
    {
        var page = await site.OpenEditorAsync(ArticlePath, client);
        var form = new MultipartFormDataContent
        {
            { new StringContent(page.QuerySelector("textarea#content")!.TextContent), "Text" },
            { new StringContent(page.QuerySelector("input[name=BaseHash]")!.GetAttribute("value")!), "BaseHash" },
            { new StringContent("upload"), "intent" },
            { new StringContent("A chart"), "ImageAlt" },
            { new StringContent(EditorSite.Token(page)), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(image);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "Image", fileName);
        return await client.PostAsync($"/editor/edit/{ArticlePath}", form);
    }
}
