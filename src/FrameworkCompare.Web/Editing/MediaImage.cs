using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FrameworkCompare.Web.Content;
using SkiaSharp;

namespace FrameworkCompare.Web.Editing;

/// <summary>
/// Checks an uploaded image and re-encodes it, so what is published holds only pixels: the type is decided by the
/// bytes, never the name, and re-encoding drops EXIF (GPS, camera), comments and text chunks.
/// </summary>
public static class MediaImage
{
    const int Quality = 90;

    public sealed record Result(byte[] Bytes, string FileName, int Width, int Height, string ContentType, string? Error)
    {
        public bool Succeeded => Error is null;

        public static Result Failed(string error) => new([], "", 0, 0, "", error);
    }

    static readonly Dictionary<SKEncodedImageFormat, string> Extensions = new()
    {
        [SKEncodedImageFormat.Png] = ".png", [SKEncodedImageFormat.Jpeg] = ".jpg", [SKEncodedImageFormat.Webp] = ".webp",
    };

    /// <summary>Reads <paramref name="upload"/> synchronously (an IFormFile's stream is buffered, so that is fine).</summary>
    public static Result Prepare(Stream upload, string originalFileName, MediaOptions options)
    {
        var bytes = ReadAtMost(upload, options.MaxBytes + 1);
        if (bytes.Length == 0) return Result.Failed("The file is empty.");
        if (bytes.Length > options.MaxBytes) return Result.Failed($"The file is larger than {Size(options.MaxBytes)}; make it smaller or save it at a lower quality.");

        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null || !Extensions.TryGetValue(codec.EncodedFormat, out var extension))
            return Result.Failed("Only PNG, JPEG and WebP images are accepted" +
                (codec is null ? "; this file is not an image of those kinds (SVG is not accepted either)." : $"; this file is {codec.EncodedFormat.ToString().ToUpperInvariant()}."));
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width > options.MaxSide || height > options.MaxSide)
            return Result.Failed($"The image is {width}×{height} pixels; each side may be at most {options.MaxSide} pixels.");
        if ((long)width * height > options.MaxPixels)
            return Result.Failed($"The image has {(long)width * height:N0} pixels ({width}×{height}); at most {options.MaxPixels:N0} are accepted.");
        if (codec.FrameCount > 1) return Result.Failed("Animated images are not accepted.");

        using var decoded = Decode(codec);
        if (decoded is null) return Result.Failed("The image is damaged or incomplete and cannot be read.");
        using var oriented = Orient(decoded, codec.EncodedOrigin);
        using var encoded = oriented.Encode(codec.EncodedFormat, Quality);
        if (encoded is null) return Result.Failed("The image could not be saved again.");
        var output = encoded.ToArray();
        var hash = Convert.ToHexStringLower(SHA256.HashData(output))[..10];
        return new Result(output, $"{Slug(Path.GetFileNameWithoutExtension(originalFileName))}-{hash}{extension}",
            oriented.Width, oriented.Height, MediaFiles.Types[extension], null);
    }

    static byte[] ReadAtMost(Stream stream, long limit)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length < limit && (read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, limit - buffer.Length))) > 0)
            buffer.Write(chunk, 0, read);
        return buffer.ToArray();
    }

    static SKBitmap? Decode(SKCodec codec)
    {
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888,
            codec.Info.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Premul);
        // Colours are converted to sRGB but the bitmap is left untagged, so the encoder embeds no ICC profile:
        // browsers take an untagged image as sRGB.
        var bitmap = new SKBitmap(info);
        if (codec.GetPixels(info.WithColorSpace(SKColorSpace.CreateSrgb()), bitmap.GetPixels()) == SKCodecResult.Success) return bitmap;
        bitmap.Dispose();
        return null;
    }

    /// <summary>Turns the pixels the way the EXIF orientation says, since the EXIF block that said it is dropped.</summary>
    static SKBitmap Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        var (w, h) = (source.Width, source.Height);
        // Maps source (x, y) to the upright picture: x' = a x + b y + c, y' = d x + e y + f.
        (float a, float b, float c, float d, float e, float f)? m = origin switch
        {
            SKEncodedOrigin.TopRight => (-1, 0, w, 0, 1, 0),
            SKEncodedOrigin.BottomRight => (-1, 0, w, 0, -1, h),
            SKEncodedOrigin.BottomLeft => (1, 0, 0, 0, -1, h),
            SKEncodedOrigin.LeftTop => (0, 1, 0, 1, 0, 0),
            SKEncodedOrigin.RightTop => (0, -1, h, 1, 0, 0),
            SKEncodedOrigin.RightBottom => (0, -1, h, -1, 0, w),
            SKEncodedOrigin.LeftBottom => (0, 1, 0, -1, 0, w),
            _ => null,
        };
        if (m is not { } t) return source.Copy();
        var sideways = t.a == 0;
        var result = new SKBitmap(source.Info.WithSize(sideways ? h : w, sideways ? w : h));
        using var canvas = new SKCanvas(result);
        canvas.Clear(SKColors.Transparent);
        canvas.SetMatrix(new SKMatrix(t.a, t.b, t.c, t.d, t.e, t.f, 0, 0, 1));
        canvas.DrawBitmap(source, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest));
        return result;
    }

    /// <summary>Lower-case ASCII letters and digits joined by single hyphens, at most 40 characters.</summary>
    public static string Slug(string name)
    {
        var slug = new StringBuilder();
        foreach (var ch in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            var lower = char.ToLowerInvariant(ch);
            if (char.IsAsciiLetterOrDigit(lower)) slug.Append(lower);
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        var result = slug.ToString(0, Math.Min(slug.Length, 40)).Trim('-');
        return result.Length == 0 ? "image" : result;
    }

    static string Size(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024):0.#} MB" : $"{bytes / 1024.0:0.#} KB";
}
