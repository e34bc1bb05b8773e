using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SkiaSharp;

namespace FrameworkCompare.Tests.Media;

/// <summary>Small images made in the test, and hand-built bytes for what an encoder would never write.</summary>
public static class TestImages
{
    public static readonly byte[] ExifMarker = "Exif\0\0"u8.ToArray();

    public static byte[] Encode(SKEncodedImageFormat format, int width = 4, int height = 2)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(SKColors.Teal);
        bitmap.SetPixel(0, 0, SKColors.Orange);
        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }

    /// <summary>A JPEG with an EXIF block (orientation and a description) and a comment, as cameras and phones write them.</summary>
    public static byte[] JpegWithExif(ushort orientation, string description)
    {
        var jpeg = Encode(SKEncodedImageFormat.Jpeg);
        var text = Encoding.ASCII.GetBytes(description + "\0");
        var tiff = new List<byte> { (byte)'M', (byte)'M', 0, 42, 0, 0, 0, 8, 0, 2 };
        // Orientation (0x0112, SHORT) and ImageDescription (0x010E, ASCII) pointing after the IFD.
        tiff.AddRange(new byte[] { 0x01, 0x0E, 0, 2 }.Concat(BigEndian(text.Length)).Concat(BigEndian(8 + 2 + 2 * 12 + 4)));
        tiff.AddRange(new byte[] { 0x01, 0x12, 0, 3, 0, 0, 0, 1, (byte)(orientation >> 8), (byte)orientation, 0, 0 });
        tiff.AddRange(BigEndian(0));
        tiff.AddRange(text);
        var exif = Segment(0xE1, [.. ExifMarker, .. tiff]);
        var comment = Segment(0xFE, Encoding.ASCII.GetBytes("secret comment"));
        return [.. jpeg[..2], .. exif, .. comment, .. jpeg[2..]];
    }

    /// <summary>A PNG with a tEXt chunk after its header, as editors write author and location into.</summary>
    public static byte[] PngWithText(string keyword, string text)
    {
        var png = Encode(SKEncodedImageFormat.Png);
        const int afterHeader = 8 + 4 + 4 + 13 + 4;
        return [.. png[..afterHeader], .. Chunk("tEXt", Encoding.Latin1.GetBytes(keyword + "\0" + text)), .. png[afterHeader..]];
    }

    /// <summary>A well-formed PNG that claims <paramref name="width"/>×<paramref name="height"/> pixels but holds almost no data.</summary>
    public static byte[] PngClaiming(int width, int height)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        (header[8], header[9]) = (8, 6);
        using var idat = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionLevel.Fastest)) zlib.Write(new byte[64]);
        return [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, .. Chunk("IHDR", header), .. Chunk("IDAT", idat.ToArray()), .. Chunk("IEND", [])];
    }

    public static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    static byte[] Segment(byte marker, byte[] payload) => [0xFF, marker, (byte)((payload.Length + 2) >> 8), (byte)(payload.Length + 2), .. payload];

    static byte[] BigEndian(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, value);
        return bytes;
    }

    static byte[] Chunk(string type, byte[] data)
    {
        byte[] typed = [.. Encoding.ASCII.GetBytes(type), .. data];
        return [.. BigEndian(data.Length), .. typed, .. BigEndian((int)Crc32(typed))];
    }

    static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var i = 0; i < 8; i++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }
}
