using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using OpenAaf.Core.Policies;

namespace OpenAaf.Core.Methods.U2f;

/// <summary>
/// The attestation policy of methods.md §9.4 step 4, used only when <c>check_attestation</c> is true:
/// the certificate must chain to a root in <c>attestation_roots</c> and be valid now. OpenAAF's built-in
/// root list is empty, so <c>disable_builtin_attestation_cert</c> changes nothing.
/// </summary>
internal static class U2fAttestation
{
    public static bool IsTrusted(X509Certificate2 certificate, U2fMethodOptions options, DateTimeOffset now)
    {
        if (now < certificate.NotBefore || now > certificate.NotAfter) return false;
        var roots = Roots(options.AttestationRoots);
        try
        {
            // No roots means nothing can be trusted; never fall back to the system store (TLS roots are not attestation roots).
            if (roots.Count == 0) return false;
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.AddRange(roots);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            chain.ChainPolicy.DisableCertificateDownloads = true;
            chain.ChainPolicy.VerificationTime = now.UtcDateTime;
            chain.ChainPolicy.VerificationTimeIgnored = false;
            var trusted = chain.Build(certificate);
            foreach (var element in chain.ChainElements) element.Certificate.Dispose();
            return trusted;
        }
        finally
        {
            foreach (var root in roots) root.Dispose();
        }
    }

    // A PEM that does not parse only shrinks the trust set, which fails closed; configuration validation reports it.
    private static X509Certificate2Collection Roots(IEnumerable<string> pems)
    {
        var roots = new X509Certificate2Collection();
        foreach (var pem in pems)
        {
            try
            {
                roots.ImportFromPem(pem);
            }
            catch (CryptographicException)
            {
            }
        }
        return roots;
    }
}
