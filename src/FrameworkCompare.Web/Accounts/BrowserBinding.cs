using System.Security.Cryptography;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace FrameworkCompare.Web.Accounts;

/// <summary>
/// Whether a request carries an anti-forgery cookie and a request token made as a pair for this browser, whoever was
/// signed in when the token was made. ASP.NET Core's own check also compares the token's user with the current one, so a
/// form loaded before the session ended fails it; a post after the session ended is checked with this instead, which a
/// cross-site form cannot pass (it can neither read the cookie, nor send it: the cookie is SameSite=Strict).
/// </summary>
/// <remarks>
/// Both tokens are ASP.NET Core's own, protected for the purpose below; each starts with a version byte (1), its
/// 16-byte security token and a flag saying whether it is the cookie's half. A different layout fails closed: every
/// signed-out post then answers 400 and the "session ends mid-edit" tests say so.
/// </remarks>
public sealed class BrowserBinding(IDataProtectionProvider protection, IOptions<AntiforgeryOptions> options)
{
    const string TokenPurpose = "Microsoft.AspNetCore.Antiforgery.AntiforgeryToken.v1";
    const byte TokenVersion = 1;
    const int SecurityTokenLength = 16, HeaderLength = 1 + SecurityTokenLength + 1;

    readonly IDataProtector tokens = protection.CreateProtector(TokenPurpose);

    public async Task<bool> IsValidAsync(HttpContext http)
    {
        var settings = options.Value;
        // The cookie first: without a good one the body is not even read.
        if (http.Request.Cookies[settings.Cookie.Name!] is not { } cookie || SecurityToken(cookie, isCookie: true) is not { } fromCookie) return false;
        return await RequestTokenAsync(http, settings) is { } request && SecurityToken(request, isCookie: false) is { } fromRequest
            && CryptographicOperations.FixedTimeEquals(fromCookie, fromRequest);
    }

    byte[]? SecurityToken(string serialized, bool isCookie)
    {
        try
        {
            var bytes = tokens.Unprotect(WebEncoders.Base64UrlDecode(serialized));
            if (bytes.Length < HeaderLength || bytes[0] != TokenVersion || (bytes[HeaderLength - 1] != 0) != isCookie) return null;
            if (isCookie && bytes.Length != HeaderLength) return null;
            return bytes[1..(1 + SecurityTokenLength)];
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
    }

    /// <summary>The header the workspace's scripts send, else the form field; a form that cannot be read has none.</summary>
    static async Task<string?> RequestTokenAsync(HttpContext http, AntiforgeryOptions settings)
    {
        var request = http.Request;
        if (settings.HeaderName is { } header && request.Headers[header].ToString() is { Length: > 0 } fromHeader) return fromHeader;
        if (!request.HasFormContentType) return null;
        try
        {
            var form = await request.ReadFormAsync(http.RequestAborted);
            return form[settings.FormFieldName].ToString() is { Length: > 0 } field ? field : null;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return null;
        }
    }
}
