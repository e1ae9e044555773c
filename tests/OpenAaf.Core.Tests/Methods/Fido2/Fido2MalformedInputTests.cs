using System.Text.Json.Nodes;
using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Enrollment;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Methods.Fido2;

namespace OpenAaf.Core.Tests.Methods.Fido2;

/// <summary>Malformed, oversized and truncated input is a failure value, never an exception (methods.md §10.2 step 3, §10.6 step 2).</summary>
public sealed class Fido2MalformedInputTests
{
    private readonly Fido2Fixture _f = new();

    private async Task<MethodStep> AssertWithAsync(Action<JsonObject> change)
    {
        var template = await _f.VectorTemplateAsync();
        var body = JsonNode.Parse(Fido2Vectors.AssertionResponse("A1"))!.AsObject();
        change(body["webauthn_response"]!.AsObject());
        return await _f.LogonAsync([template], _f.State(Fido2Vectors.AssertionChallenge), body.ToJsonString());
    }

    private static string Standard(string url) => Convert.ToBase64String(Base64Decode(url));

    private static byte[] Base64Decode(string text) => Base64UrlText.TryDecode(text, 1 << 16, out var b) ? b : throw new FormatException();

    [Fact]
    public async Task StandardBase64WithPaddingEverywhere_IsAccepted()
    {
        var step = await AssertWithAsync(c =>
        {
            foreach (var key in new[] { "id", "rawId" }) c[key] = Standard(c[key]!.GetValue<string>());
            var r = c["response"]!.AsObject();
            foreach (var key in new[] { "clientDataJSON", "authenticatorData", "signature", "userHandle" }) r[key] = Standard(r[key]!.GetValue<string>());
        });
        Assert.IsType<MethodStep.Passed>(step);
    }

    public static TheoryData<string, string> BadFields => new()
    {
        { "signature", "MEYCIQDXuj-lAA2F+m4S7BUSBahxMCVfWozNTLSOrHxXNtZ9vAIhAJcPLttPGPeidhPNvjGSyDCb_0WzEbyCwXe6oZgluR6z" },
        { "authenticatorData", "E4wrTQKWojUtS933_jMQuUjSQRts9NsXQF3Dm4agefEFAAAA" },
        { "authenticatorData", "E4wrTQKWojUtS933_jMQuUjSQRts9NsXQF3Dm4agefEFAAAAAQA" },
        { "authenticatorData", "E4wrTQKWojUtS933_jMQuUjSQRts9NsXQF3Dm4agefGFAAAAAQ" },
        { "clientDataJSON", "bm90IGpzb24" },
        { "clientDataJSON", "eyJ0eXBlIjoid2ViYXV0aG4uZ2V0IiwidHlwZSI6IndlYmF1dGhuLmdldCJ9" },
        { "clientDataJSON", Base64UrlText.Encode(new byte[WebAuthnResponse.MaxClientDataJson + 1]) },
        { "signature", Base64UrlText.Encode(new byte[WebAuthnResponse.MaxSignature + 1]) },
        { "userHandle", Base64UrlText.Encode(new byte[WebAuthnResponse.MaxUserHandle + 1]) },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task MalformedOrOversizedField_IsBadResponse(string field, string value)
    {
        var step = await AssertWithAsync(c => c["response"]![field] = value);
        Assert.Equal(Fido2Outcomes.Fido2BadResponse, Fido2Fixture.FailureOf(step));
    }

    [Fact]
    public async Task IdDifferentFromRawId_OrNotACredentialObject_IsBadResponse()
    {
        Assert.Equal(Fido2Outcomes.Fido2BadResponse, Fido2Fixture.FailureOf(await AssertWithAsync(c => c["id"] = "AAAA")));
        Assert.Equal(Fido2Outcomes.Fido2BadResponse, Fido2Fixture.FailureOf(await AssertWithAsync(c => c["type"] = "password")));
        Assert.Equal(Fido2Outcomes.Fido2BadResponse, Fido2Fixture.FailureOf(await AssertWithAsync(c => c.Remove("response"))));
        var template = await _f.VectorTemplateAsync();
        var step = await _f.LogonAsync([template], _f.State(Fido2Vectors.AssertionChallenge), """{"webauthn_response": "text"}""");
        Assert.Equal(Fido2Outcomes.Fido2BadResponse, Fido2Fixture.FailureOf(step));
    }

    [Fact]
    public async Task SnakeCasedKeys_AreFoundLikeTheDocumentedOnes()
    {
        var step = await AssertWithAsync(c =>
        {
            var r = c["response"]!.AsObject();
            c["raw_id"] = c["rawId"]!.GetValue<string>();
            c.Remove("rawId");
            r["client_data_j_s_o_n"] = r["clientDataJSON"]!.GetValue<string>();
            r.Remove("clientDataJSON");
        });
        Assert.IsType<MethodStep.Passed>(step);
    }

    [Fact]
    public async Task EveryTruncationOfTheVectorAttestationObject_IsInvalid_NeverAnException()
    {
        var full = Base64Decode(Fido2Vectors.AttestationObject);
        for (var length = 0; length < full.Length; length++)
        {
            var body = JsonNode.Parse(Fido2Vectors.RegistrationResponse)!;
            body["webauthn_response"]!["response"]!["attestationObject"] = Base64UrlText.Encode(full[..length]);
            var step = await _f.EnrollAsync(_f.State(Fido2Vectors.RegistrationChallenge), body.ToJsonString());
            Assert.Equal(Fido2Outcomes.Fido2RegistrationInvalid, Fido2Fixture.FailureOf(step));
        }
    }

    [Fact]
    public async Task RandomCorruptionOfTheVectorAttestationObject_NeverThrows()
    {
        var full = Base64Decode(Fido2Vectors.AttestationObject);
        var random = new Random(1234);
        for (var i = 0; i < 3000; i++)
        {
            var bytes = full.ToArray();
            for (var flips = random.Next(1, 4); flips > 0; flips--) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            var body = JsonNode.Parse(Fido2Vectors.RegistrationResponse)!;
            body["webauthn_response"]!["response"]!["attestationObject"] = Base64UrlText.Encode(bytes);
            var step = await _f.EnrollAsync(_f.State(Fido2Vectors.RegistrationChallenge), body.ToJsonString());
            Assert.True(step is EnrollStep.Failed or EnrollStep.Done);
        }
    }
}
