using System.Text.Json.Nodes;
using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Methods;
using static OpenAaf.Core.Tests.Methods.U2f.U2fTestBed;
using OpenAaf.Core.Methods.U2f;

namespace OpenAaf.Core.Tests.Methods.U2f;

/// <summary>test-vectors.md §3.1: the FIDO U2F authentication example, its step 1 and its tolerant variants.</summary>
public sealed class U2fAuthenticationVectorTests
{
    [Fact]
    public async Task Step1_OffersTheKeyInSignRequestsAndWebauthChallenge_AsMethodsMdShows()
    {
        var bed = new U2fTestBed();
        bed.AddVectorKey();

        var more = Assert.IsType<MethodStep.MoreData>(await bed.ChallengeAsync());

        Assert.Equal(U2fOutcomes.U2fWaitingAuthResponse, more.Outcome);
        Assert.Equal(("AUCORE-2059", "U2F_WAITING_AUTH_RESPONSE", "Waiting for an authentication response"),
            (more.Outcome.MsgId, more.Outcome.Reason, more.Outcome.Message));
        Assert.Equal(
            """[{"version":"U2F_V2","appId":"https://gstatic.com/securitykey/a/example.com","keyHandle":"KlUt_bdHftZf2EEz-GGWAQsiFbV9p10xW3uej-LjklpgGVUbq2HRZZFlnLrwC0lQ96v-ZmDi4Ab3aGi3ctcMJQ","challenge":"opsXqUifDriAAmWclinfbS0e-USY0CgyJHe_Otd7z8o"}]""",
            more.Extras["signRequests"]!.ToJsonString());
        Assert.Equal(
            """{"challenge":"a29b17a9489f0eb88002659c9629df6d2d1ef94498d028322477bf3ad77bcfca","allowCredentials":[{"type":"public-key","id":"2a552dfdb7477ed65fd84133f86196010b2215b57da75d315b7b9e8fe2e3925a6019551bab61d16591659cbaf00b4950f7abfe6660e2e006f76868b772d70c25","transports":["usb"]}],"userVerification":"discouraged","extensions":{"appid":"https://gstatic.com/securitykey/a/example.com"},"timeout":120000}""",
            more.Extras["webauth_challenge"]!.ToJsonString());
    }

    [Fact]
    public async Task SpecExample_PassesAndStoresCounter1()
    {
        var bed = new U2fTestBed();
        var template = bed.AddVectorKey(counter: 0);
        await bed.ChallengeAsync();

        var passed = Assert.IsType<MethodStep.Passed>(await bed.LogonAsync(U2fVectors.SignResponse()));

        Assert.Equal(template.Id, passed.Template.Id);
        Assert.Equal(U2fOutcomes.U2fCounterRegression, passed.ConflictOutcome);
        Assert.Equal(1u, bed.StoredKey().Counter);
        Assert.Equal(1, bed.Templates[0].Version);
        Assert.Null(bed.State);
    }

    [Theory]
    [InlineData("sign_response", "key_handle", "signature_data", "client_data")]
    [InlineData("SignResponse", "KeyHandle", "SignatureData", "ClientData")]
    [InlineData("signresponse", "key-handle", "signature-data", "clientdata")]
    public async Task SnakeCasedOrRecasedKeys_GiveTheSameResult(string wrapper, string keyHandle, string signatureData, string clientData)
    {
        var bed = new U2fTestBed();
        bed.AddVectorKey();
        await bed.ChallengeAsync();
        var body = new JsonObject
        {
            [wrapper] = new JsonObject
            {
                [keyHandle] = U2fVectors.KeyHandle, [signatureData] = U2fVectors.AuthSignatureData, [clientData] = U2fVectors.AuthClientData,
            },
        };

        Assert.IsType<MethodStep.Passed>(await bed.LogonAsync(body.ToJsonString()));
    }

    [Fact]
    public async Task StandardBase64WithPadding_IsAccepted()
    {
        var bed = new U2fTestBed();
        bed.AddVectorKey();
        await bed.ChallengeAsync();
        var keyHandle = Convert.ToBase64String(Convert.FromHexString(U2fVectors.KeyHandleHex));

        var step = await bed.LogonAsync(U2fVectors.SignResponse(U2fVectors.AuthSignatureDataStandard, U2fVectors.AuthClientDataStandard, keyHandle));

        Assert.IsType<MethodStep.Passed>(step);
    }

    [Fact]
    public async Task SignResponseAsAJsonString_OrUnwrapped_IsAccepted()
    {
        var inner = JsonNode.Parse(U2fVectors.SignResponse())!["signResponse"]!.ToJsonString();
        foreach (var body in new[] { new JsonObject { ["signResponse"] = inner }.ToJsonString(), inner })
        {
            var bed = new U2fTestBed();
            bed.AddVectorKey();
            await bed.ChallengeAsync();
            Assert.IsType<MethodStep.Passed>(await bed.LogonAsync(body));
        }
    }

    [Fact]
    public async Task Step1WithAppId_OffersOnlyTheKeysOfThatAppId()
    {
        var bed = new U2fTestBed();
        bed.AddVectorKey();
        bed.AddKey(bed.StoredKey() with { AppId = "https://portal.example.com", KeyHandle = [1, 2, 3] });

        bed.Random.Enqueue(U2fVectors.AuthChallengeHex);
        var narrowed = Assert.IsType<MethodStep.MoreData>(await bed.LogonAsync("""{"appId": "https://portal.example.com"}"""));
        var all = Assert.IsType<MethodStep.MoreData>(await bed.LogonAsync("""{"app_id": "https://unknown.example.com"}"""));

        Assert.Equal("AQID", (string?)Assert.Single(narrowed.Extras["signRequests"]!.AsArray())!["keyHandle"]);
        Assert.Equal("https://portal.example.com", (string?)narrowed.Extras["webauth_challenge"]!["extensions"]!["appid"]);
        Assert.Equal(2, all.Extras["signRequests"]!.AsArray().Count);
        Assert.Equal(U2fVectors.AuthAppId, (string?)all.Extras["webauth_challenge"]!["extensions"]!["appid"]);
    }

    [Fact]
    public async Task AnotherKeyOfTheUser_IsFoundAmongSeveralTemplates()
    {
        var bed = new U2fTestBed();
        bed.AddKey(new() { AppId = U2fVectors.AuthAppId, KeyHandle = [9, 9, 9], PublicKey = Convert.FromHexString(U2fVectors.RegUserPublicKeyHex) });
        var vector = bed.AddVectorKey();
        await bed.ChallengeAsync();

        var passed = Assert.IsType<MethodStep.Passed>(await bed.LogonAsync(U2fVectors.SignResponse()));

        Assert.Equal(vector.Id, passed.Template.Id);
    }
}
