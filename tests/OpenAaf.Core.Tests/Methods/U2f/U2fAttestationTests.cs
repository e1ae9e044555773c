using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Enrollment;
using OpenAaf.Core.Methods.U2f;
using static OpenAaf.Core.Tests.Methods.U2f.U2fTestBed;

namespace OpenAaf.Core.Tests.Methods.U2f;

/// <summary>methods.md §9.4 step 4: check_attestation with attestation_roots, chain and validity.</summary>
public sealed class U2fAttestationTests
{
    private const string Challenge = "vqrS6WXDe1JUs5_c3i4-LkKIHRr-3XVb3azuA5TifHo";

    private static async Task<EnrollStep> RegisterAsync(U2fTestBed bed, X509Certificate2 leaf, ECDsa leafKey)
    {
        bed.Random.Enqueue(U2fVectors.RegChallengeHex);
        Assert.IsType<EnrollStep.MoreData>(await bed.EnrollAsync("""{"appId": "https://portal.example.com"}"""));
        var clientData = U2fTestSigner.ClientData(U2fClientData.FinishEnrollment, Challenge, "https://portal.example.com");
        using var userKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var data = U2fTestSigner.Registration(leafKey, leaf.RawData, "https://portal.example.com", clientData,
            RandomNumberGenerator.GetBytes(64), U2fTestSigner.PublicPoint(userKey));
        return await bed.EnrollAsync(U2fVectors.RegisterResponse(WebSafeBase64.Encode(data), clientData));
    }

    private static U2fTestBed Bed(bool check, params X509Certificate2[] roots) => new()
    {
        Options = new() { FacetsPrefixes = ["https://portal.example.com"], CheckAttestation = check, AttestationRoots = roots.Select(r => r.ExportCertificatePem()).ToList() },
    };

    [Fact]
    public async Task ALeafOfAConfiguredRoot_IsTrusted()
    {
        var bed = Bed(check: false);
        var (root, leaf, leafKey) = U2fTestSigner.AttestationChain(bed.Time.GetUtcNow(), TimeSpan.FromDays(365));
        bed.Options = Bed(true, root).Options;

        Assert.IsType<EnrollStep.Done>(await RegisterAsync(bed, leaf, leafKey));
    }

    [Fact]
    public async Task WithoutRoots_OrWithAnotherRoot_IsNotTrusted()
    {
        var bed = Bed(check: true);
        var (_, leaf, leafKey) = U2fTestSigner.AttestationChain(bed.Time.GetUtcNow(), TimeSpan.FromDays(365));
        var (otherRoot, _, _) = U2fTestSigner.AttestationChain(bed.Time.GetUtcNow(), TimeSpan.FromDays(365));

        AssertFailed(Outcomes.AttestationNotTrusted, await RegisterAsync(bed, leaf, leafKey));
        bed.Options = Bed(true, otherRoot).Options;
        AssertFailed(Outcomes.AttestationNotTrusted, await RegisterAsync(bed, leaf, leafKey));
    }

    [Fact]
    public async Task AnExpiredLeaf_IsNotTrusted()
    {
        var bed = Bed(check: false);
        var (root, leaf, leafKey) = U2fTestSigner.AttestationChain(bed.Time.GetUtcNow(), TimeSpan.FromDays(30));
        bed.Options = Bed(true, root).Options;
        bed.Time.Advance(TimeSpan.FromDays(31));

        AssertFailed(Outcomes.AttestationNotTrusted, await RegisterAsync(bed, leaf, leafKey));
    }

    [Fact]
    public async Task AMalformedRootPem_OnlyShrinksTheTrustSet()
    {
        var bed = Bed(check: false);
        var (root, leaf, leafKey) = U2fTestSigner.AttestationChain(bed.Time.GetUtcNow(), TimeSpan.FromDays(365));
        bed.Options = bed.Options with
        {
            CheckAttestation = true,
            AttestationRoots = ["-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----", root.ExportCertificatePem()],
        };

        Assert.IsType<EnrollStep.Done>(await RegisterAsync(bed, leaf, leafKey));
    }

    [Fact]
    public async Task CheckAttestationOff_AcceptsAnyParsableCertificate()
    {
        var bed = Bed(check: false);
        var (_, leaf, leafKey) = U2fTestSigner.AttestationChain(bed.Time.GetUtcNow(), TimeSpan.FromDays(1));
        bed.Time.Advance(TimeSpan.FromDays(400));

        Assert.IsType<EnrollStep.Done>(await RegisterAsync(bed, leaf, leafKey));
    }
}
