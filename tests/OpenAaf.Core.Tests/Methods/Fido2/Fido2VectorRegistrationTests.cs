using System.Text.Json.Nodes;
using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Enrollment;
using OpenAaf.Core.Methods.Fido2;
using OpenAaf.Core.Tests.Fakes;

namespace OpenAaf.Core.Tests.Methods.Fido2;

/// <summary>test-vectors.md §7.1 through the native enrollment path (methods.md §10.4, §10.6).</summary>
public sealed class Fido2VectorRegistrationTests
{
    private readonly Fido2Fixture _f = new(random: new FixedRandomSource(Fido2Vectors.RegistrationChallenge));

    [Fact]
    public async Task Step1_IssuesTheCreationOptionsOfMethods104_WithTheFixedChallenge()
    {
        var step = Assert.IsType<EnrollStep.MoreData>(await _f.EnrollAsync(null, """{"rp_id": "mfa.example.test"}"""));
        var options = (JsonObject)step.Extras[CreationOptionsJson.Key]!;

        Assert.Equal(Fido2Outcomes.Fido2WaitingRegistration, step.Outcome);
        Assert.Equal("""{"rp":{"id":"mfa.example.test","name":"OpenAAF"},"user":{"id":"qOMthsaYcaUH9FsuZJdhOA","name":"JAGUAR\\denis","displayName":"Denis Test"},"challenge":"Au9XWbn9cefKGOLjLjDdUdjgc53TOHqdseTm0yJoZTo","pubKeyCredParams":[{"type":"public-key","alg":-7},{"type":"public-key","alg":-257},{"type":"public-key","alg":-8}],"timeout":120000,"excludeCredentials":[],"authenticatorSelection":{"residentKey":"discouraged","requireResidentKey":false,"userVerification":"preferred"},"attestation":"none","extensions":{"credProps":true}}""",
            options.ToJsonString());
    }

    [Fact]
    public async Task Vector71_AfterStep1_IsDone_WithTheTemplateOfTheVector()
    {
        var options = Assert.IsType<EnrollStep.MoreData>(await _f.EnrollAsync(null, null));
        var done = Assert.IsType<EnrollStep.Done>(await _f.EnrollAsync(options.NewState, Fido2Vectors.RegistrationResponse));
        var stored = Fido2Credential.Deserialize(done.Authenticator.Secret);

        Assert.Equal("""{"rp_id":"mfa.example.test","aaguid":"00000000-0000-0000-0000-000000000000"}""", done.Authenticator.Data);
        Assert.Equal("66773ce635be9a59e3bae3b5a1bc706b", Convert.ToHexStringLower(stored.CredentialId));
        Assert.Equal(Fido2Vectors.CoseKeyHex, Convert.ToHexStringLower(stored.PublicKey));
        Assert.Equal(CoseAlgorithms.Es256, stored.Algorithm);
        Assert.Equal(0u, stored.SignCount);
        Assert.Equal(Guid.Empty, stored.Aaguid);
        Assert.Equal("none", stored.Format);
        Assert.Equal(Fido2Vectors.UserId, Convert.ToHexStringLower(stored.UserHandle));
        Assert.Equal(Fido2Vectors.RpId, stored.RpId);
    }

    [Fact]
    public async Task Vector71_RegisteredTwice_IsKeyAlreadyRegistered()
    {
        var first = await _f.VectorTemplateAsync();

        var again = await _f.EnrollAsync(_f.State(Fido2Vectors.RegistrationChallenge), Fido2Vectors.RegistrationResponse, [first]);

        Assert.Equal(Outcomes.KeyAlreadyRegistered, Fido2Fixture.FailureOf(again));
    }

    [Fact]
    public async Task Step1_ListsTheUsersCredentialsForTheRpId_InExcludeCredentials()
    {
        var first = await _f.VectorTemplateAsync();

        var step = Assert.IsType<EnrollStep.MoreData>(await _f.EnrollAsync(null, null, [first]));
        var exclude = step.Extras[CreationOptionsJson.Key]!["excludeCredentials"]!.ToJsonString();

        Assert.Equal("""[{"type":"public-key","id":"Znc85jW-mlnjuuO1obxwaw","transports":[]}]""", exclude);
    }

    [Theory]
    [InlineData("webauthn.get-challenge", "OAAF-3129")]
    [InlineData("no-state", "OAAF-3129")]
    [InlineData("expired", "OAAF-3129")]
    public async Task Vector71_WithoutItsChallenge_IsChallengeMismatch(string variant, string msgId)
    {
        var state = variant switch
        {
            "no-state" => null,
            "expired" => _f.State(Fido2Vectors.RegistrationChallenge),
            _ => _f.State(Fido2Vectors.AssertionChallenge),
        };
        if (variant == "expired") _f.Time.Advance(TimeSpan.FromSeconds(121));

        var step = await _f.EnrollAsync(state, Fido2Vectors.RegistrationResponse);

        Assert.Equal(msgId, Fido2Fixture.FailureOf(step).MsgId);
    }

    [Fact]
    public async Task Vector71_WithAnotherOrigin_IsRpIdNotAllowed()
    {
        _f.Options = _f.Options with { Origins = ["https://other.example.test"] };

        var step = await _f.EnrollAsync(_f.State(Fido2Vectors.RegistrationChallenge), Fido2Vectors.RegistrationResponse);

        Assert.Equal(Fido2Outcomes.Fido2RpIdNotAllowed, Fido2Fixture.FailureOf(step));
    }

    [Fact]
    public async Task Vector71_UnderAnotherRpId_IsRpIdNotAllowed()
    {
        _f.Options = _f.Options with { RpIds = [Fido2Vectors.RpId, "other.example.test"] };

        var step = await _f.EnrollAsync(_f.State(Fido2Vectors.RegistrationChallenge, "other.example.test"), Fido2Vectors.RegistrationResponse);

        Assert.Equal(Fido2Outcomes.Fido2RpIdNotAllowed, Fido2Fixture.FailureOf(step));
    }

    [Fact]
    public async Task Step1_OfAnUnboundProcess_BindsItToTheSessionOwner()
    {
        var step = Assert.IsType<EnrollStep.MoreData>(await _f.EnrollAsync(null, null, bound: false, sessionUser: _f.User));

        Assert.Equal(Fido2Vectors.UserId, step.BindUserId);
        Assert.Equal(Fido2Vectors.UserHandle, step.Extras[CreationOptionsJson.Key]!["user"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Step1_ForAnRpIdNotConfigured_IsRpIdNotAllowed_AndAnUnboundProcessIsRefused()
    {
        Assert.Equal(Fido2Outcomes.Fido2RpIdNotAllowed, Fido2Fixture.FailureOf(await _f.EnrollAsync(null, """{"rpId": "evil.example.test"}""")));
        Assert.Equal(Outcomes.EnrollProcessMismatch, Fido2Fixture.FailureOf(await _f.EnrollAsync(null, null, bound: false)));
    }
}
