using System.Text;

namespace FrameworkCompare.Web.Accounts;

/// <summary>Where a sign-in sends the editor back to: a local path only, written so it can go in a Location header.</summary>
public static class ReturnUrls
{
    /// <summary>The local URL with non-ASCII characters percent-encoded (a raw one in a header is a 500); anything else the default.</summary>
    public static string LocalOrDefault(string? returnUrl, Func<string, bool> isLocal)
    {
        if (string.IsNullOrEmpty(returnUrl) || returnUrl.Any(char.IsControl) || !isLocal(returnUrl)) return SignInFlow.DefaultReturnUrl;
        if (returnUrl.All(char.IsAscii)) return returnUrl;
        var encoded = new StringBuilder(returnUrl.Length * 2);
        foreach (var rune in returnUrl.EnumerateRunes())
        {
            if (rune.IsAscii) encoded.Append((char)rune.Value);
            else foreach (var b in Encoding.UTF8.GetBytes(rune.ToString())) encoded.Append('%').Append(b.ToString("X2"));
        }
        return encoded.ToString();
    }
}
