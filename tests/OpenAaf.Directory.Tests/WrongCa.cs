using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OpenAaf.Directory.Tests;

/// <summary>A CA certificate that signed nothing the test servers use.</summary>
internal static class WrongCa
{
    private static readonly Lazy<string> File = new(() =>
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=Not The Test CA", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"openaaf-wrong-ca-{Environment.ProcessId}.pem");
        System.IO.File.WriteAllText(path, certificate.ExportCertificatePem());
        return path;
    });

    public static string Path => File.Value;
}
