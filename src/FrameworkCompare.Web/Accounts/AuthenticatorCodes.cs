using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace FrameworkCompare.Web.Accounts;

/// <summary>RFC 6238 codes as authenticator apps make them (HMAC-SHA1, 30-second steps, six digits), and which step a code is for.</summary>
public static class AuthenticatorCodes
{
    const int StepSeconds = 30;
    /// <summary>Steps either side of now that are accepted, for clocks that drift (Identity's own authenticator allows the same 90 s).</summary>
    const int Window = 2;

    public static long StepAt(DateTimeOffset at) => at.ToUnixTimeSeconds() / StepSeconds;

    /// <summary>The time step near <paramref name="now"/> whose code is <paramref name="code"/> (the latest, should two match), or null.</summary>
    public static long? MatchingStep(string base32Key, string code, DateTimeOffset now)
    {
        if (code.Length != 6 || !code.All(char.IsAsciiDigit) || Base32(base32Key) is not { Length: > 0 } secret) return null;
        var given = Encoding.ASCII.GetBytes(code);
        var current = StepAt(now);
        for (var step = current + Window; step >= current - Window; step--)
            if (CryptographicOperations.FixedTimeEquals(given, Encoding.ASCII.GetBytes(Code(secret, step)))) return step;
        return null;
    }

    static string Code(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        var hash = HMACSHA1.HashData(secret, counter);
        var offset = hash[^1] & 0x0f;
        var binary = (hash[offset] & 0x7f) << 24 | hash[offset + 1] << 16 | hash[offset + 2] << 8 | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6");
    }

    /// <summary>RFC 4648 Base32 as Identity writes keys; spaces and padding are ignored, anything else makes it unreadable.</summary>
    static byte[]? Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text.ToUpperInvariant())
        {
            if (c is ' ' or '=') continue;
            var value = alphabet.IndexOf(c);
            if (value < 0) return null;
            buffer = buffer << 5 | value;
            bits += 5;
            if (bits < 8) continue;
            bits -= 8;
            bytes.Add((byte)(buffer >> bits));
            buffer &= (1 << bits) - 1;
        }
        return [.. bytes];
    }
}
