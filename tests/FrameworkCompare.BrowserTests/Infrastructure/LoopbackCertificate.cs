using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace FrameworkCompare.BrowserTests.Infrastructure;

/// <summary>A self-signed certificate for 127.0.0.1 and localhost, made per run, so Kestrel can serve https in a test.</summary>
public static class LoopbackCertificate
{
    /// <summary>Writes the certificate into <paramref name="folder"/> and returns the Kestrel settings that use it.</summary>
    public static string[] KestrelSettings(string folder)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var path = Path.Combine(folder, "loopback.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return [$"--Kestrel:Certificates:Default:Path={path}", $"--Kestrel:Certificates:Default:Password={password}"];
    }
}
