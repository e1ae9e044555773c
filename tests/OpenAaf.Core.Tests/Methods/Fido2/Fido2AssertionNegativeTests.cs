using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Methods.Fido2;
using OpenAaf.Core.Security;
using OpenAaf.Core.Templates;

namespace OpenAaf.Core.Tests.Methods.Fido2;

/// <summary>Assertions that must fail (methods.md §10.2), each with the code of its first failing step.</summary>
public sealed class Fido2AssertionNegativeTests : IDisposable
{
    private readonly Fido2Fixture _f = new(random: CryptographicRandomSource.Instance);
    private readonly SoftwareAuthenticator _key = new(CoseAlgorithms.Es256) { Counter = 5 };

    public void Dispose() => _key.Dispose();

    private async Task<Outcome> FailAsync(Func<Ceremony, Ceremony> tweak, Template? template = null)
    {
        template ??= await _f.EnrolledAsync(_key);
        return Fido2Fixture.FailureOf(await _f.AuthenticateAsync(_key, [template], tweak));
    }

    [Fact]
    public async Task UserNotPresent() =>
        Assert.Equal(Fido2Outcomes.Fido2UserNotPresent, await FailAsync(c => c with { Flags = AuthenticatorFlags.UserVerified }));

    [Fact]
    public async Task UserVerificationRequired_ButOnlyPresence()
    {
        _f.Options = _f.Options with { UserVerification = "required" };
        Assert.Equal(Fido2Outcomes.Fido2UserNotVerified, await FailAsync(c => c with { Flags = AuthenticatorFlags.UserPresent }));
    }

    [Theory]
    [InlineData(CoseAlgorithms.Es256)]
    [InlineData(CoseAlgorithms.Rs256)]
    [InlineData(CoseAlgorithms.EdDsa)]
    public async Task BogusSignature_IsSignatureInvalid_ForEveryAlgorithm(int algorithm)
    {
        using var key = new SoftwareAuthenticator(algorithm);
        var template = await _f.EnrolledAsync(key);
        var step = await _f.AuthenticateAsync(key, [template], c => c with { BogusSignature = true });
        Assert.Equal(Fido2Outcomes.Fido2SignatureInvalid, Fido2Fixture.FailureOf(step));
    }

    [Fact]
    public async Task SignatureOfAnotherKey_IsSignatureInvalid()
    {
        var template = await _f.EnrolledAsync(_key);
        using var impostor = new SoftwareAuthenticator(CoseAlgorithms.Es256) { CredentialId = _key.CredentialId };
        Assert.Equal(Fido2Outcomes.Fido2SignatureInvalid, Fido2Fixture.FailureOf(await _f.AuthenticateAsync(impostor, [template])));
    }

    [Theory]
    [InlineData(4u)]
    [InlineData(5u)]
    [InlineData(0u)]
    public async Task CounterNotAboveTheStoredOne_IsACounterRegression(uint counter) =>
        Assert.Equal(Fido2Outcomes.Fido2CounterRegression, await FailAsync(c => c with { Counter = counter }));

    [Fact]
    public async Task RpIdHashOfAnotherRp_IsRpIdMismatch() =>
        Assert.Equal(Fido2Outcomes.Fido2RpIdMismatch, await FailAsync(c => c with { RpIdForHash = "evil.example.test" }));

    [Theory]
    [InlineData("https://mfa.example.test.evil.example")]
    [InlineData("https://evil-mfa.example.test")]
    [InlineData("http://mfa.example.test")]
    [InlineData("https://mfa.example.test:8443")]
    [InlineData("https://mfa.example.test/path")]
    [InlineData("null")]
    public async Task OriginNotConfigured_IsOriginMismatch(string origin) =>
        Assert.Equal(Fido2Outcomes.Fido2OriginMismatch, await FailAsync(c => c with { Origin = origin }));

    [Theory]
    [InlineData("https://MFA.example.test")]
    [InlineData("https://mfa.example.test:443")]
    [InlineData("https://mfa.example.test/")]
    public async Task OriginSpelledDifferently_IsTheSameOrigin(string origin)
    {
        var template = await _f.EnrolledAsync(_key);
        Assert.IsType<MethodStep.Passed>(await _f.AuthenticateAsync(_key, [template], c => c with { Origin = origin }));
    }

    [Fact]
    public async Task CrossOrigin_IsOriginMismatch() =>
        Assert.Equal(Fido2Outcomes.Fido2OriginMismatch, await FailAsync(c => c with { CrossOrigin = true }));

    [Fact]
    public async Task ClientDataOfARegistration_IsBadResponse() =>
        Assert.Equal(Fido2Outcomes.Fido2BadResponse, await FailAsync(c => c with { Type = "webauthn.create" }));

    [Fact]
    public async Task AnotherChallenge_IsChallengeMismatch() =>
        Assert.Equal(Fido2Outcomes.Fido2ChallengeMismatch, await FailAsync(c => c with { Challenge = new byte[32] }));

    [Fact]
    public async Task ChallengeExpired_IsChallengeMismatch()
    {
        var template = await _f.EnrolledAsync(_key);
        var options = Assert.IsType<MethodStep.MoreData>(await _f.LogonAsync([template], null, null));
        var challenge = Fido2Ceremonies.ChallengeOf(options.Extras[RequestOptionsJson.Key]!["challenge"]!.GetValue<string>());
        _f.Time.Advance(TimeSpan.FromSeconds(_f.Options.Timeout));

        var step = await _f.LogonAsync([template], options.NewState, _key.Assert(new Ceremony { Challenge = challenge }));

        Assert.Equal(Fido2Outcomes.Fido2ChallengeMismatch, Fido2Fixture.FailureOf(step));
    }

    [Fact]
    public async Task AssertionReplayedInALaterProcess_IsChallengeMismatch()
    {
        var template = await _f.EnrolledAsync(_key);
        var options = Assert.IsType<MethodStep.MoreData>(await _f.LogonAsync([template], null, null));
        var challenge = Fido2Ceremonies.ChallengeOf(options.Extras[RequestOptionsJson.Key]!["challenge"]!.GetValue<string>());
        var assertion = _key.Assert(new Ceremony { Challenge = challenge });
        var passed = Assert.IsType<MethodStep.Passed>(await _f.LogonAsync([template], options.NewState, assertion));

        var later = Assert.IsType<MethodStep.MoreData>(await _f.LogonAsync([passed.UpdatedTemplate!], null, null));
        var replay = await _f.LogonAsync([passed.UpdatedTemplate!], later.NewState, assertion);

        Assert.Equal(Fido2Outcomes.Fido2ChallengeMismatch, Fido2Fixture.FailureOf(replay));
    }

    [Fact]
    public async Task UnknownCredential_AndForeignUserHandle_AreUnknownCredential()
    {
        var template = await _f.EnrolledAsync(_key);
        using var stranger = new SoftwareAuthenticator(CoseAlgorithms.Es256);

        Assert.Equal(Fido2Outcomes.Fido2UnknownCredential, Fido2Fixture.FailureOf(await _f.AuthenticateAsync(stranger, [template])));
        Assert.Equal(Fido2Outcomes.Fido2UnknownCredential, await FailAsync(c => c with { UserHandle = new byte[16] }, template));
    }

    [Fact]
    public async Task CredentialOfAnotherRpId_IsNotOffered()
    {
        _f.Options = _f.Options with { RpIds = [Fido2Vectors.RpId, "other.example.test"] };
        using var other = new SoftwareAuthenticator(CoseAlgorithms.Es256, "other.example.test");
        var mine = await _f.EnrolledAsync(_key);
        var theirs = _f.Seal(_f.Open(mine) with { RpId = "other.example.test", CredentialId = other.CredentialId });

        Assert.Equal(Fido2Outcomes.Fido2UnknownCredential, Fido2Fixture.FailureOf(await _f.AuthenticateAsync(other, [mine, theirs])));
    }
}
