using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Enrollment;
using OpenAaf.Core.Methods.Fido2;
using OpenAaf.Core.Security;

namespace OpenAaf.Core.Tests.Methods.Fido2;

/// <summary>Registrations that must fail (methods.md §10.6), and the attestation policy.</summary>
public sealed class Fido2RegistrationNegativeTests : IDisposable
{
    private readonly Fido2Fixture _f = new(random: CryptographicRandomSource.Instance);
    private readonly SoftwareAuthenticator _key = new(CoseAlgorithms.Es256);
    private readonly TestAttestationCa _ca = new();

    public Fido2RegistrationNegativeTests() => _key.Ca = _ca;

    public void Dispose()
    {
        _key.Dispose();
        _ca.Dispose();
    }

    private async Task<Outcome> FailAsync(Func<Ceremony, Ceremony> tweak) => Fido2Fixture.FailureOf(await _f.RegisterAsync(_key, tweak));

    [Fact]
    public async Task WithoutUserPresence_IsInvalid() =>
        Assert.Equal(Fido2Outcomes.Fido2RegistrationInvalid, await FailAsync(c => c with { Flags = AuthenticatorFlags.UserVerified }));

    [Fact]
    public async Task WithoutUserVerification_WhenRequired_IsInvalid()
    {
        _f.Options = _f.Options with { UserVerification = "required" };
        Assert.Equal(Fido2Outcomes.Fido2RegistrationInvalid, await FailAsync(c => c with { Flags = AuthenticatorFlags.UserPresent }));
    }

    [Fact]
    public async Task ClientDataOfAnAssertion_IsInvalid() =>
        Assert.Equal(Fido2Outcomes.Fido2RegistrationInvalid, await FailAsync(c => c with { Type = "webauthn.get" }));

    [Fact]
    public async Task WrongChallenge_IsChallengeMismatch() =>
        Assert.Equal(Outcomes.ChallengeMismatch, await FailAsync(c => c with { Challenge = new byte[32] }));

    [Theory]
    [InlineData("https://evil.example.test", false)]
    [InlineData(Fido2Vectors.Origin, true)]
    public async Task ForeignOrCrossOrigin_IsRpIdNotAllowed(string origin, bool crossOrigin) =>
        Assert.Equal(Fido2Outcomes.Fido2RpIdNotAllowed, await FailAsync(c => c with { Origin = origin, CrossOrigin = crossOrigin }));

    [Fact]
    public async Task RpIdHashOfAnotherRp_IsRpIdNotAllowed() =>
        Assert.Equal(Fido2Outcomes.Fido2RpIdNotAllowed, await FailAsync(c => c with { RpIdForHash = "evil.example.test" }));

    [Theory]
    [InlineData("packed")]
    [InlineData("packed-x5c")]
    [InlineData("fido-u2f")]
    public async Task AttestationSignatureThatDoesNotVerify_IsInvalid(string format) =>
        Assert.Equal(Fido2Outcomes.Fido2RegistrationInvalid, await FailAsync(c => c with { Format = format, BogusSignature = true }));

    [Fact]
    public async Task AlgorithmNotOffered_IsInvalid()
    {
        _f.Options = _f.Options with { Algorithms = [CoseAlgorithms.Rs256] };
        Assert.Equal(Fido2Outcomes.Fido2RegistrationInvalid, await FailAsync(c => c));
    }

    [Fact]
    public async Task CredentialIdOver1023Bytes_IsInvalid()
    {
        _key.CredentialId = new byte[1024];
        Assert.Equal(Fido2Outcomes.Fido2RegistrationInvalid, await FailAsync(c => c));
    }

    [Fact]
    public async Task SameCredentialAsAnotherTemplate_IsKeyAlreadyRegistered()
    {
        var first = await _f.EnrolledAsync(_key);
        Assert.Equal(Outcomes.KeyAlreadyRegistered, Fido2Fixture.FailureOf(await _f.RegisterAsync(_key, others: [first])));
    }

    [Fact]
    public async Task UnknownFormat_CountsAsNone_UnlessAttestationIsChecked()
    {
        var done = Assert.IsType<EnrollStep.Done>(await _f.RegisterAsync(_key, c => c with { Format = "tpm" }));
        Assert.Equal("tpm", Fido2Credential.Deserialize(done.Authenticator.Secret).Format);

        _f.Options = _f.Options with { CheckAttestation = true, AttestationRoots = [_ca.RootPem] };
        Assert.Equal(Outcomes.AttestationNotTrusted, await FailAsync(c => c with { Format = "tpm" }));
    }

    [Theory]
    [InlineData("none")]
    [InlineData("packed")]
    public async Task CheckedAttestation_WithoutACertificateChain_IsNotTrusted(string format)
    {
        _f.Options = _f.Options with { CheckAttestation = true, AttestationRoots = [_ca.RootPem] };
        Assert.Equal(Outcomes.AttestationNotTrusted, await FailAsync(c => c with { Format = format }));
    }

    [Theory]
    [InlineData("packed-x5c")]
    [InlineData("fido-u2f")]
    public async Task CheckedAttestation_ChainingToAConfiguredRoot_IsAccepted_AndToAnotherRootIsNot(string format)
    {
        _f.Options = _f.Options with { CheckAttestation = true, AttestationRoots = [_ca.RootPem] };
        Assert.IsType<EnrollStep.Done>(await _f.RegisterAsync(_key, c => c with { Format = format }));

        using var other = new TestAttestationCa();
        _f.Options = _f.Options with { AttestationRoots = [other.RootPem] };
        Assert.Equal(Outcomes.AttestationNotTrusted, await FailAsync(c => c with { Format = format }));
    }

    [Fact]
    public async Task CheckedAttestation_OutsideTheCertificatesValidity_IsNotTrusted()
    {
        _f.Options = _f.Options with { CheckAttestation = true, AttestationRoots = [_ca.RootPem] };
        _f.Time.Advance(TimeSpan.FromDays(4 * 366));
        Assert.Equal(Outcomes.AttestationNotTrusted, await FailAsync(c => c with { Format = "packed-x5c" }));
    }
}
