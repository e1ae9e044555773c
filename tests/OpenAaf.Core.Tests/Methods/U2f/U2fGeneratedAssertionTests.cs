using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Methods.U2f;
using OpenAaf.Core.Policies;
using static OpenAaf.Core.Tests.Methods.U2f.U2fTestBed;

namespace OpenAaf.Core.Tests.Methods.U2f;

/// <summary>Assertions signed here with the §3.1 user key: counters, presence bits, origins, WebAuthn crossOrigin.</summary>
public sealed class U2fGeneratedAssertionTests
{
    private static async Task<MethodStep> AnswerAsync(
        uint stored, byte flags, uint counter, string origin = U2fVectors.AuthOrigin, U2fMethodOptions? options = null,
        string appId = U2fVectors.AuthAppId)
    {
        var bed = new U2fTestBed();
        if (options is not null) bed.Options = options;
        bed.AddVectorKey(stored, appId);
        await bed.ChallengeAsync();
        using var key = U2fTestSigner.VectorUserKey();
        var clientData = U2fTestSigner.ClientData(U2fClientData.GetAssertion, U2fVectors.AuthChallenge, origin);
        return await bed.LogonAsync(U2fVectors.SignResponse(U2fTestSigner.SignatureData(key, appId, flags, counter, clientData), clientData));
    }

    [Theory]
    [InlineData(5u, 5u)]
    [InlineData(5u, 4u)]
    [InlineData(uint.MaxValue, 0u)]
    [InlineData(7u, 0u)]
    public async Task CounterNotAboveStored_IsRegression(uint stored, uint counter) =>
        AssertFailed(U2fOutcomes.U2fCounterRegression, await AnswerAsync(stored, 0x01, counter));

    [Theory]
    [InlineData(1u, 1000u)]
    [InlineData(0u, uint.MaxValue)]
    public async Task CounterJumps_AreAccepted(uint stored, uint counter) =>
        Assert.IsType<MethodStep.Passed>(await AnswerAsync(stored, 0x01, counter));

    [Theory]
    [InlineData(0x00)]
    [InlineData(0x02)]
    [InlineData(0xfe)]
    public async Task UserPresenceBitClear_IsUserNotPresent(byte flags) =>
        AssertFailed(U2fOutcomes.U2fUserNotPresent, await AnswerAsync(0, flags, 3));

    [Fact]
    public async Task OnlyBit0CountsForPresence() =>
        Assert.IsType<MethodStep.Passed>(await AnswerAsync(0, 0x81, 3));

    [Theory]
    [InlineData("HTTP://Example.COM:80/")]
    [InlineData("http://example.com/some/path")]
    public async Task OriginsAreComparedNormalised(string origin) =>
        Assert.IsType<MethodStep.Passed>(await AnswerAsync(0, 1, 3, origin));

    [Theory]
    [InlineData("http://example.com:8080")]
    [InlineData("https://example.com")]
    [InlineData("http://example.com.evil.net")]
    [InlineData("http://evil.net@example.com")]
    [InlineData("ftp://example.com")]
    [InlineData("")]
    [InlineData("example.com")]
    public async Task OtherOrigins_AreOriginMismatch(string origin) =>
        AssertFailed(U2fOutcomes.U2fOriginMismatch, await AnswerAsync(0, 1, 3, origin));

    [Fact]
    public async Task TheAppIdOrigin_IsAlwaysAFacet()
    {
        var options = new U2fMethodOptions();
        Assert.IsType<MethodStep.Passed>(await AnswerAsync(0, 1, 3, "https://portal.example.com", options, "https://portal.example.com/u2f/app-id.json"));
    }

    [Fact]
    public async Task PlainHttp_NeedsAllowHttp_EvenForTheAppIdItself() =>
        AssertFailed(U2fOutcomes.U2fOriginMismatch, await AnswerAsync(0, 1, 3, "http://example.com", new U2fMethodOptions(), "http://example.com"));

    [Theory]
    [InlineData("https://login.example.com", true)]
    [InlineData("https://example.com:8443", true)]
    [InlineData("https://a.b.example.com", true)]
    [InlineData("https://evil-example.com", false)]
    [InlineData("http://login.example.com", false)]
    public async Task PrimarySuffix_MatchesHttpsOriginsOnADotBoundary(string origin, bool allowed)
    {
        var options = new U2fMethodOptions { FacetsPrimarySuffx = "example.com", AllowHttp = true };
        var step = await AnswerAsync(0, 1, 3, origin, options);
        if (allowed) Assert.IsType<MethodStep.Passed>(step);
        else AssertFailed(U2fOutcomes.U2fOriginMismatch, step);
    }

    [Fact]
    public async Task WebAuthnCrossOrigin_IsOriginMismatch()
    {
        var bed = new U2fTestBed();
        bed.AddVectorKey();
        await bed.ChallengeAsync();
        using var key = U2fTestSigner.VectorUserKey();
        var clientData = U2fTestSigner.ClientData("webauthn.get", U2fVectors.AuthChallenge, U2fVectors.AuthOrigin, "type", ",\"crossOrigin\":true");
        var authenticatorData = U2fTestSigner.AuthenticatorData(U2fVectors.AuthAppId, 1, 5);
        var signature = U2fTestSigner.Sign(key, [.. authenticatorData, .. System.Security.Cryptography.SHA256.HashData(WebSafeBase64.Decode(clientData, 4096)!)]);

        var step = await bed.LogonAsync(U2fVectors.WebAuthnResponse(clientData, WebSafeBase64.Encode(authenticatorData), WebSafeBase64.Encode(signature)));

        AssertFailed(U2fOutcomes.U2fOriginMismatch, step);
    }
}
