using System.Text;
using QRCoder;

namespace FrameworkCompare.Web.Accounts;

/// <summary>What an authenticator app needs to enrol: the shared key as people type it, the otpauth URI, and its QR code.</summary>
public static class Authenticator
{
    const string Issuer = "FrameworkCompare";

    /// <summary>The Base32 key in lower-case groups of four, easier to read out and type.</summary>
    public static string Grouped(string key) =>
        string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(chunk => new string(chunk)));

    public static string Uri(string email, string key) =>
        $"otpauth://totp/{System.Uri.EscapeDataString(Issuer)}:{System.Uri.EscapeDataString(email)}?secret={key}&issuer={System.Uri.EscapeDataString(Issuer)}&digits=6";

    /// <summary>An SVG image as a data: URI, so the page needs no script and no extra request.</summary>
    public static string QrCodeDataUri(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        var svg = new SvgQRCode(data).GetGraphic(4);
        return "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(svg));
    }
}
