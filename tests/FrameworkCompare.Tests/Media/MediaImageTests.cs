using System.Text;
using FrameworkCompare.Web.Editing;
using SkiaSharp;

namespace FrameworkCompare.Tests.Media;

public sealed class MediaImageTests
{
    static readonly MediaOptions Limits = new();

    static MediaImage.Result Prepare(byte[] bytes, string name, MediaOptions? options = null) =>
        MediaImage.Prepare(new MemoryStream(bytes), name, options ?? Limits);

    [Theory]
    [InlineData(SKEncodedImageFormat.Png, "png", "image/png")]
    [InlineData(SKEncodedImageFormat.Jpeg, "jpg", "image/jpeg")]
    [InlineData(SKEncodedImageFormat.Webp, "webp", "image/webp")]
    public void AcceptedImagesAreReencodedInTheirOwnFormat(SKEncodedImageFormat format, string extension, string contentType)
    {
        var result = Prepare(TestImages.Encode(format), "Diagram.bin");

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal((4, 2, contentType), (result.Width, result.Height, result.ContentType));
        Assert.EndsWith("." + extension, result.FileName);
        using var codec = SKCodec.Create(new MemoryStream(result.Bytes));
        Assert.Equal(format, codec.EncodedFormat);
        // No embedded colour profile (JPEG APP2, WebP ICCP, PNG iCCP): the pixels are sRGB, untagged.
        foreach (var profile in new[] { "ICC_PROFILE"u8.ToArray(), "ICCP"u8.ToArray(), "iCCP"u8.ToArray() })
            Assert.False(TestImages.Contains(result.Bytes, profile));
    }

    [Fact]
    public void ExifAndCommentsAreGoneAndTheOrientationIsApplied()
    {
        var upload = TestImages.JpegWithExif(orientation: 6, description: "GPS 48.8584N 2.2945E");
        Assert.True(TestImages.Contains(upload, TestImages.ExifMarker));

        var result = Prepare(upload, "holiday.jpg");

        Assert.True(result.Succeeded, result.Error);
        Assert.False(TestImages.Contains(result.Bytes, TestImages.ExifMarker));
        Assert.False(TestImages.Contains(result.Bytes, "GPS 48.8584N"u8.ToArray()));
        Assert.False(TestImages.Contains(result.Bytes, "secret comment"u8.ToArray()));
        // Orientation 6 means "turn 90° clockwise to view": the 4×2 picture is stored upright as 2×4.
        Assert.Equal((2, 4), (result.Width, result.Height));
    }

    [Fact]
    public void PngTextChunksAreGone()
    {
        var upload = TestImages.PngWithText("Comment", "taken at 48.8584N 2.2945E");
        Assert.True(TestImages.Contains(upload, "48.8584N"u8.ToArray()));

        var result = Prepare(upload, "map.png");

        Assert.True(result.Succeeded, result.Error);
        Assert.False(TestImages.Contains(result.Bytes, "tEXt"u8.ToArray()));
        Assert.False(TestImages.Contains(result.Bytes, "48.8584N"u8.ToArray()));
    }

    [Fact]
    public void TheNameIsASlugOfTheOriginalAndAHashOfTheNewBytes()
    {
        var result = Prepare(TestImages.Encode(SKEncodedImageFormat.Png), "Django's Admin — Café Screenshot (final).PNG");

        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(result.Bytes))[..10];
        Assert.Equal($"django-s-admin-cafe-screenshot-final-{hash}.png", result.FileName);
        Assert.Equal($"image-{hash}.png", Prepare(TestImages.Encode(SKEncodedImageFormat.Png), "???.png").FileName);
        Assert.Equal(40, MediaImage.Slug(new string('a', 60)).Length);
    }

    [Fact]
    public void AnSvgNamedPngIsRefused()
    {
        var svg = Encoding.UTF8.GetBytes("""<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>""");
        AssertRefused(Prepare(svg, "logo.png"), "PNG, JPEG and WebP");
    }

    [Fact]
    public void AGifIsRefused()
    {
        // The smallest valid GIF: one transparent pixel.
        var gif = Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");
        AssertRefused(Prepare(gif, "pixel.png"), "GIF");
    }

    [Fact]
    public void ATextFileNamedJpgIsRefused() =>
        AssertRefused(Prepare(Encoding.UTF8.GetBytes("just some notes, not a photo"), "photo.jpg"), "PNG, JPEG and WebP");

    [Fact]
    public void TooManyPixelsAreRefusedBeforeDecoding()
    {
        // 20000×20000 would need 1.6 GB of pixels; the header alone is enough to refuse it.
        var claim = TestImages.PngClaiming(20_000, 20_000);
        AssertRefused(Prepare(claim, "huge.png", new MediaOptions { MaxSide = 50_000 }), "pixels");
        AssertRefused(Prepare(claim, "huge.png"), "at most 8000");
    }

    [Fact]
    public void MoreThanMaxBytesIsRefused()
    {
        var png = TestImages.Encode(SKEncodedImageFormat.Png);
        AssertRefused(Prepare(png, "a.png", new MediaOptions { MaxBytes = png.Length - 1 }), "larger than");
        Assert.True(Prepare(png, "a.png", new MediaOptions { MaxBytes = png.Length }).Succeeded);
    }

    [Fact]
    public void AnEmptyFileIsRefused() => AssertRefused(Prepare([], "a.png"), "empty");

    static void AssertRefused(MediaImage.Result result, string reason)
    {
        Assert.False(result.Succeeded);
        Assert.Empty(result.Bytes);
        Assert.Contains(reason, result.Error);
    }
}
