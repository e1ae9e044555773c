using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Methods.Fido2;
using OpenAaf.Core.Policies;
using OpenAaf.Core.Tests.Fakes;

namespace OpenAaf.Core.Tests.Methods.Fido2;

/// <summary>Step 1 of logon (methods.md §10.1) and the policy defaults of §13.</summary>
public sealed class Fido2OptionsTests
{
    private readonly FixedRandomSource _random = new(Fido2Vectors.AssertionChallenge, Fido2Vectors.RegistrationChallenge);
    private readonly Fido2Fixture _f;

    public Fido2OptionsTests() => _f = new Fido2Fixture(random: _random);

    private static string ChallengeIn(MethodStep step) =>
        Assert.IsType<MethodStep.MoreData>(step).Extras[RequestOptionsJson.Key]!["challenge"]!.GetValue<string>();

    [Fact]
    public async Task Polling_RepeatsTheLiveChallenge_AndAnExpiredOneIsReplaced()
    {
        var template = await _f.VectorTemplateAsync();

        var first = Assert.IsType<MethodStep.MoreData>(await _f.LogonAsync([template], null, null));
        var poll = await _f.LogonAsync([template], first.NewState, null);
        _f.Time.Advance(TimeSpan.FromSeconds(120));
        var renewed = await _f.LogonAsync([template], first.NewState, null);

        Assert.Equal(ChallengeIn(first), ChallengeIn(poll));
        Assert.Equal("Au9XWbn9cefKGOLjLjDdUdjgc53TOHqdseTm0yJoZTo", ChallengeIn(renewed));
        Assert.Equal(2, _random.Calls);
    }

    [Fact]
    public async Task RpIdNotConfigured_IsRpIdMismatch_AndOneWithoutCredentials_IsNotEnrolled()
    {
        _f.Options = _f.Options with { RpIds = [Fido2Vectors.RpId, "second.example.test"] };
        var template = await _f.VectorTemplateAsync();

        Assert.Equal(Fido2Outcomes.Fido2RpIdMismatch, Fido2Fixture.FailureOf(await _f.LogonAsync([template], null, """{"rp_id": "evil.example.test"}""")));
        Assert.Equal(Fido2Outcomes.Fido2RpIdMismatch, Fido2Fixture.FailureOf(await _f.LogonAsync([template], null, """{"rp_id": {}}""")));
        Assert.Equal(Outcomes.MethodNotEnrolled, Fido2Fixture.FailureOf(await _f.LogonAsync([template], null, """{"rpId": "second.example.test"}""")));
        Assert.IsType<MethodStep.MoreData>(await _f.LogonAsync([template], null, """{"rpId": "MFA.example.test"}"""));
    }

    [Fact]
    public async Task UserVerificationAndTimeout_ComeFromThePolicy()
    {
        _f.Options = _f.Options with { UserVerification = "required", Timeout = 60 };
        var template = await _f.VectorTemplateAsync();

        var options = Assert.IsType<MethodStep.MoreData>(await _f.LogonAsync([template], null, null)).Extras[RequestOptionsJson.Key]!;

        Assert.Equal("required", options["userVerification"]!.GetValue<string>());
        Assert.Equal(60000, options["timeout"]!.GetValue<long>());
    }

    [Fact]
    public void Defaults_AreThePublicUrlsHost_AndHttpsOfEachRpIdPlusThePublicUrlsOrigin()
    {
        var policy = Fido2Policy.From(new Fido2MethodOptions(), "http://Auth.Example.TEST:5080/portal");

        Assert.Equal(["auth.example.test"], policy.RpIds);
        Assert.Equal(["http://auth.example.test:5080", "https://auth.example.test"], policy.Origins.Order());
        Assert.Equal([CoseAlgorithms.Es256, CoseAlgorithms.Rs256, CoseAlgorithms.EdDsa], policy.Algorithms);
        Assert.True(CoseAlgorithms.EdDsaAvailable);
    }

    [Fact]
    public void ConfiguredOrigins_AreNormalised_AndUnsupportedAlgorithmsAreNotOffered()
    {
        var policy = Fido2Policy.From(
            new Fido2MethodOptions { RpIds = ["Mfa.Example.Test"], Origins = ["https://Portal.Example.com:443/", "not an origin"], Algorithms = [-35, -7, -7] },
            "https://auth.example.test");

        Assert.Equal(["mfa.example.test"], policy.RpIds);
        Assert.Equal(["https://portal.example.com"], policy.Origins);
        Assert.Equal([CoseAlgorithms.Es256], policy.Algorithms);
    }

    [Theory]
    [InlineData("https://Portal.Example.com:443/", "https://portal.example.com")]
    [InlineData("http://example.com:80", "http://example.com")]
    [InlineData("https://bücher.example", "https://xn--bcher-kva.example")]
    [InlineData("http://localhost:5080", "http://localhost:5080")]
    [InlineData("https://example.com/path", null)]
    [InlineData("https://user@example.com", null)]
    [InlineData("ftp://example.com", null)]
    [InlineData("example.com", null)]
    public void OriginNormalisation_FollowsMethods95(string text, string? expected) => Assert.Equal(expected, WebOrigin.Normalize(text));
}
