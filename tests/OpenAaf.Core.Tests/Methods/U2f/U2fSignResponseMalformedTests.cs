using System.Text;
using System.Text.Json.Nodes;
using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Methods.U2f;
using static OpenAaf.Core.Tests.Methods.U2f.U2fTestBed;

namespace OpenAaf.Core.Tests.Methods.U2f;

/// <summary>Malformed, garbled and oversized sign responses (methods.md §9.2 steps 1, 3 and 6).</summary>
public sealed class U2fSignResponseMalformedTests
{
    private static async Task<U2fTestBed> ChallengedAsync()
    {
        var bed = new U2fTestBed();
        bed.AddVectorKey();
        await bed.ChallengeAsync();
        return bed;
    }

    public static TheoryData<string> UndecodableFields => new()
    {
        U2fVectors.SignResponse(keyHandle: "KlUt!bdH"),
        U2fVectors.SignResponse(keyHandle: U2fVectors.KeyHandle + "="),
        U2fVectors.SignResponse(keyHandle: "K lUt_bdH"),
        // One string in both alphabets is neither.
        U2fVectors.SignResponse(keyHandle: U2fVectors.KeyHandle.Replace('-', '+')),
        U2fVectors.SignResponse(clientData: U2fVectors.AuthClientData[..^1] + "+"),
        U2fVectors.SignResponse(clientData: U2fVectors.AuthClientData + "A"),
        U2fVectors.SignResponse(clientData: "=" + U2fVectors.AuthClientData),
        U2fVectors.SignResponse(signatureData: ""),
        """{"signResponse": {"keyHandle": "KlUt", "clientData": "eyJ9"}}""",
        """{"signResponse": {"keyHandle": 12, "signatureData": [], "clientData": {}}}""",
        // Oversized: a 256-byte key handle, an 8 KiB + 1 clientData, a 257-byte signatureData.
        U2fVectors.SignResponse(keyHandle: WebSafeBase64.Encode(new byte[256])),
        U2fVectors.SignResponse(clientData: WebSafeBase64.Encode(new byte[U2fLimits.ClientData + 1])),
        U2fVectors.SignResponse(signatureData: WebSafeBase64.Encode(new byte[U2fLimits.SignatureData + 1])),
        """{"signResponse": 42}""",
        """{"signResponse": "not json"}""",
        """{"webauthn_response": "x"}""",
        """{"webauthn_response": {"rawId": "KlUt"}}""",
    };

    [Theory]
    [MemberData(nameof(UndecodableFields))]
    public async Task UndecodableOrOversizedFields_AreBadResponse(string body)
    {
        var bed = await ChallengedAsync();
        AssertFailed(U2fOutcomes.U2fBadResponse, await bed.LogonAsync(body));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"typ":"navigator.id.getAssertion","typ":"x","challenge":"opsXqUifDriAAmWclinfbS0e-USY0CgyJHe_Otd7z8o","origin":"http://example.com"}""")]
    [InlineData("""{"typ":"navigator.id.getAssertion","challenge":"opsXqUifDriAAmWclinfbS0e-USY0CgyJHe_Otd7z8o","origin":"http://example.com","origin":"https://evil.net"}""")]
    [InlineData("""{"typ":42,"challenge":"opsXqUifDriAAmWclinfbS0e-USY0CgyJHe_Otd7z8o","origin":"http://example.com"}""")]
    [InlineData("""{"challenge":"opsXqUifDriAAmWclinfbS0e-USY0CgyJHe_Otd7z8o","origin":"http://example.com"}""")]
    [InlineData("""{"typ":"navigator.id.getAssertion","type":"webauthn.get","challenge":"opsXqUifDriAAmWclinfbS0e-USY0CgyJHe_Otd7z8o","origin":"http://example.com","crossOrigin":"no"}""")]
    public async Task UnusableClientData_IsBadResponse(string clientData)
    {
        var bed = await ChallengedAsync();
        var encoded = WebSafeBase64.Encode(Encoding.UTF8.GetBytes(clientData));
        AssertFailed(U2fOutcomes.U2fBadResponse, await bed.LogonAsync(U2fVectors.SignResponse(clientData: encoded)));
    }

    [Fact]
    public async Task InvalidUtf8ClientData_IsBadResponse()
    {
        var bed = await ChallengedAsync();
        byte[] bytes = [.. """{"typ":"navigator.id.getAssertion","x":" """u8, 0xff, 0xfe, .. "\"}"u8];
        AssertFailed(U2fOutcomes.U2fBadResponse, await bed.LogonAsync(U2fVectors.SignResponse(clientData: WebSafeBase64.Encode(bytes))));
    }

    [Fact]
    public async Task TruncatedSignatureData_IsBadResponse_AfterTheOriginCheck()
    {
        var bed = await ChallengedAsync();
        var signatureData = WebSafeBase64.Decode(U2fVectors.AuthSignatureData, 256)!;

        AssertFailed(U2fOutcomes.U2fBadResponse, await bed.LogonAsync(U2fVectors.SignResponse(WebSafeBase64.Encode(signatureData.AsSpan(0, 12)))));
    }

    [Fact]
    public async Task GarbledOrP1363Signature_IsSignatureInvalid()
    {
        var bed = await ChallengedAsync();
        var signatureData = WebSafeBase64.Decode(U2fVectors.AuthSignatureData, 256)!;
        byte[] notDer = [.. signatureData.AsSpan(0, 5), .. new byte[64]];

        AssertFailed(U2fOutcomes.U2fSignatureInvalid, await bed.LogonAsync(U2fVectors.SignResponse(WebSafeBase64.Encode(notDer))));
    }

    [Fact]
    public async Task MissingWrapperAndFields_IsStep1Again()
    {
        var bed = await ChallengedAsync();
        Assert.IsType<MethodStep.MoreData>(await bed.LogonAsync("""{"signResponse": null}"""));
    }

    [Theory]
    [InlineData("5")]
    [InlineData("\"5\"")]
    public async Task ErrorCodeTimeout_IssuesANewChallenge(string code)
    {
        var bed = await ChallengedAsync();
        var before = bed.State;
        bed.Random.Enqueue("11" + U2fVectors.AuthChallengeHex[2..]);

        var more = Assert.IsType<MethodStep.MoreData>(await bed.LogonAsync($"{{\"signResponse\": {{\"errorCode\": {code}}}}}"));

        Assert.Equal(U2fOutcomes.U2fWaitingAuthResponse, more.Outcome);
        Assert.NotEqual(before, bed.State);
        Assert.StartsWith("11", (string?)more.Extras["webauth_challenge"]!["challenge"]);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("4")]
    [InlineData("\"oops\"")]
    public async Task OtherErrorCodes_AreClientError(string code)
    {
        var bed = await ChallengedAsync();
        AssertFailed(U2fOutcomes.U2fClientError, await bed.LogonAsync($"{{\"signResponse\": {{\"errorCode\": {code}}}}}"));
    }

    [Fact]
    public async Task ErrorCodeZero_IsNoError()
    {
        var bed = await ChallengedAsync();
        var body = JsonNode.Parse(U2fVectors.SignResponse())!;
        body["signResponse"]!["errorCode"] = 0;

        Assert.IsType<MethodStep.Passed>(await bed.LogonAsync(body.ToJsonString()));
    }

    [Fact]
    public async Task UnknownKeyIsReportedBeforeAGarbledClientData()
    {
        var bed = await ChallengedAsync();
        var step = await bed.LogonAsync(U2fVectors.SignResponse(clientData: "bm90IGpzb24", keyHandle: U2fVectors.N5UnknownKeyHandle));
        AssertFailed(U2fOutcomes.U2fUnknownKey, step);
    }
}
