using System.Text;
using System.Text.Json.Nodes;
using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Methods.U2f;
using static OpenAaf.Core.Tests.Methods.U2f.U2fTestBed;

namespace OpenAaf.Core.Tests.Methods.U2f;

/// <summary>test-vectors.md §3.3 (seed 2.6, parse-only) and §3.4 (WebAuthn with the appid extension).</summary>
public sealed class U2fSeedAndWebAuthnTests
{
    [Fact]
    public void Seed26_Decodes()
    {
        var signatureData = WebSafeBase64.Decode(U2fVectors.SeedSignatureData, U2fLimits.SignatureData)!;
        var clientDataBytes = WebSafeBase64.Decode(U2fVectors.SeedClientData, U2fLimits.ClientData)!;
        var keyHandle = WebSafeBase64.Decode(U2fVectors.SeedKeyHandle, U2fLimits.KeyHandle)!;

        Assert.Equal(76, signatureData.Length);
        Assert.Equal(0x01, signatureData[0]);
        Assert.Equal("0000017c", Convert.ToHexStringLower(signatureData.AsSpan(1, 4)));
        Assert.StartsWith("3045022100bb672b", Convert.ToHexStringLower(signatureData.AsSpan(5)));
        Assert.EndsWith("673b04", Convert.ToHexStringLower(signatureData.AsSpan(5)));
        Assert.Equal(149, clientDataBytes.Length);
        Assert.Contains(@"https:\/\/", Encoding.UTF8.GetString(clientDataBytes));
        var clientData = U2fClientData.Parse(clientDataBytes)!;
        Assert.Equal("https://drbiomtdevap2v.alrajhi.bank", clientData.Origin);
        Assert.True(clientData.IsLegacyAssertion);
        Assert.Equal(U2fVectors.SeedChallengeHex, Convert.ToHexStringLower(WebSafeBase64.Decode(clientData.Challenge, 32)!));
        Assert.Equal(U2fVectors.SeedKeyHandleHex, Convert.ToHexStringLower(keyHandle));
    }

    [Fact]
    public async Task Seed26_AgainstAServerWithoutThatKey_IsUnknownKey()
    {
        var bed = new U2fTestBed();
        bed.AddVectorKey();
        await bed.ChallengeAsync(U2fVectors.SeedChallengeHex);

        var step = await bed.LogonAsync(U2fVectors.SignResponse(U2fVectors.SeedSignatureData, U2fVectors.SeedClientData, U2fVectors.SeedKeyHandle));

        AssertFailed(U2fOutcomes.U2fUnknownKey, step);
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(1u)]
    public async Task WebAuthnAssertion_Passes_AndStoresCounter2(uint stored)
    {
        var bed = new U2fTestBed();
        bed.AddVectorKey(stored);
        await bed.ChallengeAsync();

        Assert.IsType<MethodStep.Passed>(await bed.LogonAsync(U2fVectors.WebAuthnResponse()));
        Assert.Equal(2u, bed.StoredKey().Counter);
    }

    [Fact]
    public async Task WebAuthnAssertion_RepackedAsASignResponse_Passes()
    {
        var bed = new U2fTestBed();
        bed.AddVectorKey();
        await bed.ChallengeAsync();

        var step = await bed.LogonAsync(U2fVectors.SignResponse(U2fVectors.WebAuthnRepackedSignatureData, U2fVectors.WebAuthnClientDataJson));

        Assert.IsType<MethodStep.Passed>(step);
    }

    [Fact]
    public async Task WebAuthnAssertion_WithOnlyId_OrSnakeCasedKeys_Passes()
    {
        var body = JsonNode.Parse(U2fVectors.WebAuthnResponse())!;
        var credential = body["webauthn_response"]!.AsObject();
        credential.Remove("rawId");
        var response = credential["response"]!.AsObject();
        var clientDataJson = response["clientDataJSON"]!.GetValue<string>();
        response.Remove("clientDataJSON");
        response["client_data_json"] = clientDataJson;
        var bed = new U2fTestBed();
        bed.AddVectorKey();
        await bed.ChallengeAsync();

        Assert.IsType<MethodStep.Passed>(await bed.LogonAsync(body.ToJsonString()));
    }

    [Fact]
    public async Task WebAuthnAssertion_WithU2fClientData_IsBadResponse()
    {
        var bed = new U2fTestBed();
        bed.AddVectorKey();
        await bed.ChallengeAsync();

        AssertFailed(U2fOutcomes.U2fBadResponse, await bed.LogonAsync(U2fVectors.WebAuthnResponse(clientDataJson: U2fVectors.AuthClientData)));
    }

    [Fact]
    public async Task WebAuthnAssertion_WithAnotherRpIdHash_IsBadResponse()
    {
        var bed = new U2fTestBed();
        bed.AddVectorKey();
        await bed.ChallengeAsync();
        var authenticatorData = WebSafeBase64.Decode(U2fVectors.WebAuthnAuthenticatorData, 64)!;
        authenticatorData[0] ^= 1;

        var step = await bed.LogonAsync(U2fVectors.WebAuthnResponse(authenticatorData: WebSafeBase64.Encode(authenticatorData)));

        AssertFailed(U2fOutcomes.U2fBadResponse, step);
    }

    [Fact]
    public async Task WebAuthnAssertion_ShortAuthenticatorData_IsBadResponse()
    {
        var bed = new U2fTestBed();
        bed.AddVectorKey();
        await bed.ChallengeAsync();
        var authenticatorData = WebSafeBase64.Decode(U2fVectors.WebAuthnAuthenticatorData, 64)!;

        var step = await bed.LogonAsync(U2fVectors.WebAuthnResponse(authenticatorData: WebSafeBase64.Encode(authenticatorData.AsSpan(0, 36))));

        AssertFailed(U2fOutcomes.U2fBadResponse, step);
    }

    [Fact]
    public async Task WebAuthnAssertion_IdAndRawIdDisagree_IsBadResponse()
    {
        var body = JsonNode.Parse(U2fVectors.WebAuthnResponse())!;
        body["webauthn_response"]!["id"] = U2fVectors.N5UnknownKeyHandle;
        var bed = new U2fTestBed();
        bed.AddVectorKey();
        await bed.ChallengeAsync();

        AssertFailed(U2fOutcomes.U2fBadResponse, await bed.LogonAsync(body.ToJsonString()));
    }
}
