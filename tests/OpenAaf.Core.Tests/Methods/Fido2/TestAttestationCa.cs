using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OpenAaf.Core.Tests.Methods.Fido2;

/// <summary>An attestation root and the batch certificates it issues (WebAuthn §8.2.1 shape), for x5c tests.</summary>
public sealed class TestAttestationCa : IDisposable
{
    private readonly ECDsa _rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public TestAttestationCa()
    {
        var request = new CertificateRequest("CN=Test Attestation Root", _rootKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        Root = request.CreateSelfSigned(Fido2Fixture.Start.AddYears(-1), Fido2Fixture.Start.AddYears(5));
    }

    public X509Certificate2 Root { get; }

    public string RootPem => Root.ExportCertificatePem();

    /// <summary>A batch certificate for <paramref name="key"/>; with <paramref name="aaguid"/> the id-fido-gen-ce-aaguid extension.</summary>
    public X509Certificate2 Issue(ECDsa key, byte[]? aaguid = null, bool isCa = false)
    {
        var request = new CertificateRequest("C=US, O=OpenAAF Test, OU=Authenticator Attestation, CN=Batch", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(isCa, false, 0, true));
        if (aaguid is not null)
        {
            var writer = new AsnWriter(AsnEncodingRules.DER);
            writer.WriteOctetString(aaguid);
            request.CertificateExtensions.Add(new X509Extension("1.3.6.1.4.1.45724.1.1.4", writer.Encode(), false));
        }
        return request.Create(Root, Fido2Fixture.Start.AddYears(-1), Fido2Fixture.Start.AddYears(3), RandomNumberGenerator.GetBytes(8));
    }

    public void Dispose()
    {
        Root.Dispose();
        _rootKey.Dispose();
    }
}
