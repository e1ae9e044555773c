using OpenAaf.Core.Methods;
using OpenAaf.Core.Methods.Fido2;
using OpenAaf.Core.Security;

namespace OpenAaf.Core.Tests.Methods.Fido2;

/// <summary>Registration then logon with software authenticators of every algorithm and attestation format.</summary>
public sealed class Fido2RoundTripTests
{
    private readonly Fido2Fixture _f = new(random: CryptographicRandomSource.Instance);

    [Theory]
    [InlineData(CoseAlgorithms.Es256, "none")]
    [InlineData(CoseAlgorithms.Es256, "packed")]
    [InlineData(CoseAlgorithms.Es256, "packed-x5c")]
    [InlineData(CoseAlgorithms.Es256, "fido-u2f")]
    [InlineData(CoseAlgorithms.Rs256, "none")]
    [InlineData(CoseAlgorithms.Rs256, "packed")]
    [InlineData(CoseAlgorithms.Rs256, "packed-x5c")]
    [InlineData(CoseAlgorithms.EdDsa, "none")]
    [InlineData(CoseAlgorithms.EdDsa, "packed")]
    [InlineData(CoseAlgorithms.EdDsa, "packed-x5c")]
    public async Task RegisterThenTwoLogons_Pass_AndTheCounterFollows(int algorithm, string format)
    {
        using var authenticator = new SoftwareAuthenticator(algorithm) { Counter = 7 };

        var template = await _f.EnrolledAsync(authenticator, format);
        var first = Assert.IsType<MethodStep.Passed>(await _f.AuthenticateAsync(authenticator, [template]));
        var afterFirst = first.UpdatedTemplate!;
        var second = Assert.IsType<MethodStep.Passed>(await _f.AuthenticateAsync(authenticator, [afterFirst]));

        var stored = _f.Open(template);
        Assert.Equal(algorithm, stored.Algorithm);
        Assert.Equal(format == "packed-x5c" ? "packed" : format, stored.Format);
        Assert.Equal(7u, stored.SignCount);
        Assert.Equal(["usb"], stored.Transports);
        Assert.Equal(format == "fido-u2f" ? Guid.Empty : new Guid(authenticator.Aaguid, bigEndian: true), stored.Aaguid);
        Assert.Equal(8u, _f.Open(afterFirst).SignCount);
        Assert.Equal(9u, _f.Open(second.UpdatedTemplate!).SignCount);
    }

    [Fact]
    public async Task AuthenticatorWithoutCounter_PassesWithZeroTwice_WithoutATemplateUpdate()
    {
        using var authenticator = new SoftwareAuthenticator(CoseAlgorithms.Es256);
        var template = await _f.EnrolledAsync(authenticator);

        var first = Assert.IsType<MethodStep.Passed>(await _f.AuthenticateAsync(authenticator, [template], c => c with { Counter = 0 }));
        var second = Assert.IsType<MethodStep.Passed>(await _f.AuthenticateAsync(authenticator, [template], c => c with { Counter = 0 }));

        Assert.Null(first.UpdatedTemplate);
        Assert.Null(second.UpdatedTemplate);
    }

    [Fact]
    public async Task OfTwoTemplates_TheOneWhoseCredentialSigned_Passes()
    {
        using var one = new SoftwareAuthenticator(CoseAlgorithms.Es256);
        using var two = new SoftwareAuthenticator(CoseAlgorithms.EdDsa);
        var first = await _f.EnrolledAsync(one);
        var second = Assert.IsType<OpenAaf.Core.Enrollment.EnrollStep.Done>(await _f.RegisterAsync(two, others: [first]));
        var secondTemplate = _f.Seal(Fido2Credential.Deserialize(second.Authenticator.Secret));

        var step = await _f.AuthenticateAsync(two, [first, secondTemplate]);

        Assert.Equal(secondTemplate.Id, Assert.IsType<MethodStep.Passed>(step).Template.Id);
    }

    [Fact]
    public async Task BackupFlags_AreRecorded()
    {
        using var authenticator = new SoftwareAuthenticator(CoseAlgorithms.Es256);
        var template = await _f.EnrolledAsync(authenticator);
        var flags = AuthenticatorFlags.UserPresent | AuthenticatorFlags.BackupEligible | AuthenticatorFlags.BackupState;

        var step = Assert.IsType<MethodStep.Passed>(await _f.AuthenticateAsync(authenticator, [template], c => c with { Flags = flags }));

        Assert.True(_f.Open(step.UpdatedTemplate!).BackupState);
        Assert.True(_f.Open(step.UpdatedTemplate!).BackupEligible);
    }
}
