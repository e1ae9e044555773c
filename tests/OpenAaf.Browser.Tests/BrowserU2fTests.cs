using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Methods.U2f;
using OpenAaf.Core.Tests.Methods.U2f;

namespace OpenAaf.Browser.Tests;

/// <summary>
/// U2F:1 through Chromium's WebAuthn with the <c>appid</c> extension (methods.md §9.1, §9.3; the browser analogue
/// of test-vectors.md §3.4): a U2F-protocol virtual authenticator holds a key registered under an appId URL, the
/// page turns the method's <c>webauth_challenge</c> into <c>navigator.credentials.get</c>, and the browser's JSON
/// goes back as <c>webauthn_response</c>.
/// </summary>
public sealed class BrowserU2fTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    // The appId differs from the rpId, so only the appid extension lets Chromium find the key: the virtual
    // authenticator's application parameter is SHA-256 of the appId string, as a U2F registration made it.
    private const string AppId = WebAuthnPage.Origin;
    private const string RpId = "mfa.example.test";

    // Default policy: https only, no extra facets, so the page's origin is allowed only as the appId's own origin.
    private readonly U2fTestBed _bed = new() { Options = new() };

    /// <summary>A fresh P-256 key and 64-byte handle, given to the authenticator and sealed as a U2F template.</summary>
    private async Task<WebAuthnPage> OpenWithRegisteredKeyAsync()
    {
        var page = await WebAuthnPage.OpenAsync(chromium.Browser, "u2f");
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var keyHandle = RandomNumberGenerator.GetBytes(64);
        var q = key.ExportParameters(false).Q;
        _bed.AddKey(new U2fKey { AppId = AppId, KeyHandle = keyHandle, PublicKey = [0x04, .. q.X!, .. q.Y!], Counter = 0 });
        await page.PutCredentialAsync(Convert.ToBase64String(keyHandle), AppId, Convert.ToBase64String(key.ExportPkcs8PrivateKey()), 0);
        return page;
    }

    /// <summary>Step 1 (MORE_DATA with webauth_challenge), the browser ceremony, optionally altered, step 2b.</summary>
    private async Task<(MethodStep Step, JsonObject Credential)> LogonAsync(WebAuthnPage page, Action<JsonObject>? alter = null)
    {
        var more = Assert.IsType<MethodStep.MoreData>(await _bed.LogonAsync(null));
        Assert.Equal(U2fOutcomes.U2fWaitingAuthResponse, more.Outcome);
        var credential = await page.GetWithAppIdAsync(more.Extras["webauth_challenge"]!, RpId);
        alter?.Invoke(credential);
        return (await _bed.LogonAsync(new JsonObject { ["webauthn_response"] = credential }.ToJsonString()), credential);
    }

    private async Task<MethodStep> StepAsync(WebAuthnPage page, Action<JsonObject>? alter = null) => (await LogonAsync(page, alter)).Step;

    /// <summary>Rewrites one base64url field of the credential's <c>response</c>.</summary>
    private static Action<JsonObject> Alter(string field, Action<byte[]> change) => credential =>
    {
        var response = credential["response"]!.AsObject();
        var bytes = Bytes(response[field]!.GetValue<string>());
        change(bytes);
        response[field] = Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    };

    [Fact]
    public async Task AppIdKey_LogsOnTwice_WithTheCounterSaved()
    {
        await using var page = await OpenWithRegisteredKeyAsync();

        var (first, credential) = await LogonAsync(page);
        var firstCounter = _bed.StoredKey().Counter;
        var second = await StepAsync(page);

        Assert.IsType<MethodStep.Passed>(first);
        Assert.IsType<MethodStep.Passed>(second);
        Assert.True((bool?)credential["clientExtensionResults"]?["appid"]);
        // The rpIdHash is the appId's hash, not the rpId's: the browser really took the appid path.
        var authenticatorData = Bytes(credential["response"]!["authenticatorData"]!.GetValue<string>());
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(AppId)), authenticatorData[..32]);
        Assert.True(firstCounter > 0);
        Assert.True(_bed.StoredKey().Counter > firstCounter);
    }

    [Fact]
    public async Task WebAuthChallenge_NamesTheAppIdAndTheKeyHandleInHex()
    {
        await using var page = await OpenWithRegisteredKeyAsync();

        var challenge = Assert.IsType<MethodStep.MoreData>(await _bed.LogonAsync(null)).Extras["webauth_challenge"]!;

        Assert.Equal(AppId, (string?)challenge["extensions"]!["appid"]);
        Assert.Equal(Convert.ToHexStringLower(_bed.StoredKey().KeyHandle), (string?)challenge["allowCredentials"]![0]!["id"]);
        Assert.Equal(64, ((string?)challenge["challenge"])!.Length);
    }

    /// <summary>
    /// Chromium's VirtualU2fDevice::DoSign always sets flags 0x01 ("always pretend we got a touch") and signs
    /// correctly: CDP's isBadUP/isBogusSignature set the CTAP2 device's state only. If a Chromium update starts
    /// honouring them for U2F, this fails and the negatives below can move to the browser.
    /// </summary>
    [Fact]
    public async Task ResponseOverrideBits_AreIgnoredByChromiumsU2fDevice()
    {
        await using var page = await OpenWithRegisteredKeyAsync();

        await page.OverrideAsync(badUserPresence: true, bogusSignature: true);

        Assert.IsType<MethodStep.Passed>(await StepAsync(page));
    }

    // Hence the browser's genuine assertion, altered after the ceremony. UP is checked before the signature
    // (methods.md §9.2 step 6 before 7), so a cleared UP bit is U2F_USER_NOT_PRESENT, not a bad signature.
    [Fact]
    public async Task UserPresenceBitCleared_IsUserNotPresent()
    {
        await using var page = await OpenWithRegisteredKeyAsync();

        var step = await StepAsync(page, Alter("authenticatorData", data => data[32] &= 0xfe));

        U2fTestBed.AssertFailed(U2fOutcomes.U2fUserNotPresent, step);
        Assert.Equal(0u, _bed.StoredKey().Counter);
    }

    // The last byte of the DER signature is the low byte of s: still well-formed DER, no longer valid.
    [Fact]
    public async Task SignatureAltered_IsSignatureInvalid()
    {
        await using var page = await OpenWithRegisteredKeyAsync();

        var step = await StepAsync(page, Alter("signature", signature => signature[^1] ^= 1));

        U2fTestBed.AssertFailed(U2fOutcomes.U2fSignatureInvalid, step);
    }

    [Fact]
    public async Task ClonedKeyWithALowerCounter_IsACounterRegression()
    {
        await using var page = await OpenWithRegisteredKeyAsync();
        await page.CloneWithCounterAsync(await page.CredentialAsync(), 100);
        Assert.IsType<MethodStep.Passed>(await StepAsync(page));
        var saved = _bed.StoredKey().Counter;

        await page.CloneWithCounterAsync(await page.CredentialAsync(), 50);
        var clone = await StepAsync(page);

        Assert.Equal(101u, saved);
        U2fTestBed.AssertFailed(U2fOutcomes.U2fCounterRegression, clone);
        Assert.Equal(101u, _bed.StoredKey().Counter);
    }

    private static byte[] Bytes(string base64Url)
    {
        var s = base64Url.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + (4 - s.Length % 4) % 4, '='));
    }
}
