using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OpenAaf.Core.Methods.Fido2;

/// <summary>
/// <c>check_attestation</c> (methods.md §10.6 step 4): the x5c chain must lead to one of the configured
/// <c>attestation_roots</c> (PEM) and be valid now. No system roots, no downloads, no revocation lookups.
/// </summary>
internal static class AttestationTrust
{
    public static bool Chains(IReadOnlyList<byte[]> x5c, IReadOnlyList<string> rootsPem, DateTimeOffset now)
    {
        var roots = new X509Certificate2Collection();
        var extra = new List<X509Certificate2>();
        try
        {
            foreach (var pem in rootsPem)
            {
                try
                {
                    roots.Add(X509Certificate2.CreateFromPem(pem));
                }
                catch (CryptographicException)
                {
                    // A broken root is the configuration's problem; it simply trusts nothing.
                }
            }
            if (roots.Count == 0) return false;
            extra.AddRange(x5c.Select(d => X509CertificateLoader.LoadCertificate(d)));
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.AddRange(roots);
            chain.ChainPolicy.ExtraStore.AddRange(extra.Skip(1).ToArray());
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            chain.ChainPolicy.DisableCertificateDownloads = true;
            chain.ChainPolicy.VerificationTime = now.UtcDateTime;
            return chain.Build(extra[0]);
        }
        catch (CryptographicException)
        {
            return false;
        }
        finally
        {
            foreach (var certificate in roots) certificate.Dispose();
            foreach (var certificate in extra) certificate.Dispose();
        }
    }
}
