using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using OpenAaf.Server.Configuration;

namespace OpenAaf.Server.Hosting;

/// <summary>
/// Serves https:// addresses of <c>--urls</c> with the configured certificate (PFX, or PEM with its key).
/// U2F and WebAuthn clients need a secure origin. Problems are configuration errors, reported before listening.
/// </summary>
public static class HttpsSetup
{
    /// <summary>An https:// address (or <c>https_ports</c>) without the <c>https</c> section would fail deep in Kestrel at start.</summary>
    public static IEnumerable<ConfigError> CheckAddresses(IConfiguration configuration, HttpsSettings? https)
    {
        if (https is not null) yield break;
        var urls = (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var url in urls.Where(u => u.StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
            yield return new ConfigError("", $"--urls {url} needs the https section (a certificate) in the configuration file");
        if (configuration["https_ports"] is { Length: > 0 } ports)
            yield return new ConfigError("", $"https_ports {ports} needs the https section (a certificate) in the configuration file");
    }

    /// <summary>Loads the certificate for Kestrel; a file that does not load is an error of <c>https.certificate</c>.</summary>
    public static ConfigError? Apply(WebApplicationBuilder builder, HttpsSettings? https)
    {
        if (https is null) return null;
        X509Certificate2 certificate;
        try
        {
            certificate = https.IsPem
                ? X509Certificate2.CreateFromPemFile(https.CertificatePath, https.KeyPath)
                : X509CertificateLoader.LoadPkcs12FromFile(https.CertificatePath, https.Password);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            // Note: these messages name the problem (bad password, not a certificate), never the password itself.
            return new ConfigError("https.certificate", $"cannot be loaded: {e.Message}");
        }
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.ConfigureHttpsDefaults(options => options.ServerCertificate = certificate));
        return null;
    }
}
