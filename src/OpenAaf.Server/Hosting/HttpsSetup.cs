using System.Security.Cryptography.X509Certificates;
using OpenAaf.Server.Configuration;

namespace OpenAaf.Server.Hosting;

/// <summary>
/// Serves https:// addresses of <c>--urls</c> with the configured certificate (PFX, or PEM with its key).
/// U2F and WebAuthn clients need a secure origin.
/// </summary>
public static class HttpsSetup
{
    public static void Apply(WebApplicationBuilder builder, HttpsSettings? https)
    {
        if (https is null) return;
        var certificate = https.IsPem
            ? X509Certificate2.CreateFromPemFile(https.CertificatePath, https.KeyPath)
            : X509CertificateLoader.LoadPkcs12FromFile(https.CertificatePath, https.Password);
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.ConfigureHttpsDefaults(options => options.ServerCertificate = certificate));
    }
}
