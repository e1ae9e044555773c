using System.Text.Json.Nodes;
using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Enrollment;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Methods.Fido2;
using OpenAaf.Core.Security;
using OpenAaf.Core.Templates;
using OpenAaf.Core.Tests.Methods.Fido2;

namespace OpenAaf.Browser.Tests;

/// <summary>
/// FIDO2:1 against Chromium's WebAuthn implementation and its CDP virtual authenticator: the method's options go
/// into <c>navigator.credentials.create/get</c>, the browser's JSON comes back as the <c>response</c> payload.
/// </summary>
public sealed class BrowserFido2Tests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private readonly Fido2Fixture _f = new(random: CryptographicRandomSource.Instance);

    private async Task<Template> RegisterAsync(WebAuthnPage page, string attestation = "none")
    {
        _f.Options = _f.Options with { Attestation = attestation };
        var options = Assert.IsType<EnrollStep.MoreData>(await _f.EnrollAsync(null, null));
        var credential = await page.CreateAsync(options.Extras[CreationOptionsJson.Key]!);
        var done = Assert.IsType<EnrollStep.Done>(await _f.EnrollAsync(options.NewState, Wrap(credential)));
        return _f.Seal(Fido2Credential.Deserialize(done.Authenticator.Secret));
    }

    private async Task<MethodStep> AuthenticateAsync(WebAuthnPage page, Template template)
    {
        var options = Assert.IsType<MethodStep.MoreData>(await _f.LogonAsync([template], null, null));
        var credential = await page.GetAsync(options.Extras[RequestOptionsJson.Key]!);
        return await _f.LogonAsync([template], options.NewState, Wrap(credential));
    }

    private static string Wrap(JsonObject credential) => new JsonObject { ["webauthn_response"] = credential }.ToJsonString();

    [Fact]
    public async Task Ctap2Key_RegistersAndLogsOnTwice_WithAGrowingCounter()
    {
        await using var page = await WebAuthnPage.OpenAsync(chromium.Browser);

        var template = await RegisterAsync(page);
        var first = Assert.IsType<MethodStep.Passed>(await AuthenticateAsync(page, template));
        var second = Assert.IsType<MethodStep.Passed>(await AuthenticateAsync(page, first.UpdatedTemplate!));

        var stored = _f.Open(template);
        Assert.Equal(CoseAlgorithms.Es256, stored.Algorithm);
        Assert.Equal("none", stored.Format);
        Assert.True(_f.Open(second.UpdatedTemplate!).SignCount > _f.Open(first.UpdatedTemplate!).SignCount);
    }

    [Theory]
    [InlineData("ctap2", "packed")]
    [InlineData("u2f", "fido-u2f")]
    public async Task DirectAttestation_IsVerified_InTheFormatOfTheAuthenticator(string protocol, string format)
    {
        await using var page = await WebAuthnPage.OpenAsync(chromium.Browser, protocol);

        var template = await RegisterAsync(page, attestation: "direct");

        Assert.Equal(format, _f.Open(template).Format);
        Assert.IsType<MethodStep.Passed>(await AuthenticateAsync(page, template));
    }

    [Fact]
    public async Task UserPresenceMissing_AndBogusSignature_AreRefused()
    {
        await using var page = await WebAuthnPage.OpenAsync(chromium.Browser);
        var template = await RegisterAsync(page);

        await page.OverrideAsync(badUserPresence: true);
        var notPresent = await AuthenticateAsync(page, template);
        await page.OverrideAsync(bogusSignature: true);
        var bogus = await AuthenticateAsync(page, template);

        Assert.Equal(Fido2Outcomes.Fido2UserNotPresent, Assert.IsType<MethodStep.Failed>(notPresent).Outcome);
        Assert.Equal(Fido2Outcomes.Fido2SignatureInvalid, Assert.IsType<MethodStep.Failed>(bogus).Outcome);
    }

    [Fact]
    public async Task ClonedKeyWithALowerCounter_IsACounterRegression()
    {
        await using var page = await WebAuthnPage.OpenAsync(chromium.Browser);
        var template = await RegisterAsync(page);
        await page.CloneWithCounterAsync(await page.CredentialAsync(), 100);
        var passed = Assert.IsType<MethodStep.Passed>(await AuthenticateAsync(page, template));

        await page.CloneWithCounterAsync(await page.CredentialAsync(), 50);
        var clone = await AuthenticateAsync(page, passed.UpdatedTemplate!);

        Assert.Equal(101u, _f.Open(passed.UpdatedTemplate!).SignCount);
        Assert.Equal(Fido2Outcomes.Fido2CounterRegression, Assert.IsType<MethodStep.Failed>(clone).Outcome);
    }

    [Fact]
    public async Task PageOfAnotherOrigin_IsOriginMismatch()
    {
        await using var page = await WebAuthnPage.OpenAsync(chromium.Browser);
        var template = await RegisterAsync(page);
        _f.Options = _f.Options with { Origins = ["https://portal.example.test"] };

        Assert.Equal(Fido2Outcomes.Fido2OriginMismatch, Assert.IsType<MethodStep.Failed>(await AuthenticateAsync(page, template)).Outcome);
    }
}
