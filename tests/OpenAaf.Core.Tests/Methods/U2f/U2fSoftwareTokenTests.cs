using OpenAaf.Testing;
using System.Text.Json.Nodes;
using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Enrollment;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Methods.U2f;
using static OpenAaf.Core.Tests.Methods.U2f.U2fTestBed;

namespace OpenAaf.Core.Tests.Methods.U2f;

/// <summary>
/// An independent client: the Debian software U2F token (Authen::U2F::Tester) registers through the
/// method's enrollment and signs its logon challenges. Its counter restarts in every process, which is
/// exactly what a cloned key looks like.
/// </summary>
public sealed class U2fSoftwareTokenTests : IDisposable
{
    private readonly SoftwareU2fToken _token = new();

    public void Dispose() => _token.Dispose();

    /// <summary>Enrollment step 1 with the default appId (the public URL's origin), the token's answer, step 2, save.</summary>
    private async Task<U2fTestBed> RegisteredAsync(U2fTestBed? bed = null)
    {
        bed ??= new U2fTestBed { Options = new() };
        var request = Assert.IsType<EnrollStep.MoreData>(await bed.EnrollAsync("{}")).Extras["registerRequests"]![0]!;
        Assert.Equal(PublicUrl, (string?)request["appId"]);
        var registration = await _token.RegisterAsync((string)request["appId"]!, (string)request["challenge"]!);
        bed.Save(Assert.IsType<EnrollStep.Done>(await bed.EnrollAsync(new JsonObject { ["registerResponse"] = registration }.ToJsonString())));
        return bed;
    }

    private static async Task<JsonNode> SignRequestAsync(U2fTestBed bed) =>
        Assert.Single(Assert.IsType<MethodStep.MoreData>(await bed.LogonAsync(null)).Extras["signRequests"]!.AsArray())!;

    private static string Answer(JsonObject signResponse) => new JsonObject { ["signResponse"] = signResponse }.ToJsonString();

    [Fact]
    public async Task RegisterThenSign_Passes_AndAFreshTokenProcessIsACounterRegression()
    {
        var bed = await RegisteredAsync();
        Assert.Equal(PublicUrl, bed.StoredKey().AppId);
        Assert.Equal(0u, bed.StoredKey().Counter);

        var first = await SignRequestAsync(bed);
        var signed = Assert.Single(await _token.SignAsync((string)first["appId"]!, (string)first["keyHandle"]!, (string)first["challenge"]!));
        Assert.IsType<MethodStep.Passed>(await bed.LogonAsync(Answer(signed)));
        Assert.Equal(1u, bed.StoredKey().Counter);

        // A new tester process starts its counter at 1 again: the server cannot tell it from a clone.
        var second = await SignRequestAsync(bed);
        var cloned = Assert.Single(await _token.SignAsync((string)second["appId"]!, (string)second["keyHandle"]!, (string)second["challenge"]!));
        AssertFailed(U2fOutcomes.U2fCounterRegression, await bed.LogonAsync(Answer(cloned)));
        Assert.Equal(1u, bed.StoredKey().Counter);
    }

    [Fact]
    public async Task OneTokenProcessSigningTwoLogons_CountsUp_ThenAFreshProcessRegresses()
    {
        var bed = await RegisteredAsync();
        string[] challenges = [new string('1', 64), new string('2', 64), new string('3', 64)];
        bed.Random.Enqueue(challenges);
        var encoded = challenges.Select(h => WebSafeBase64.Encode(Convert.FromHexString(h))).ToArray();
        var key = bed.StoredKey();
        var keyHandle = WebSafeBase64.Encode(key.KeyHandle);

        var both = await _token.SignAsync(key.AppId, keyHandle, encoded[0], encoded[1]);
        Assert.Equal(encoded[0], (string?)(await SignRequestAsync(bed))["challenge"]);
        Assert.IsType<MethodStep.Passed>(await bed.LogonAsync(Answer(both[0])));
        Assert.Equal(encoded[1], (string?)(await SignRequestAsync(bed))["challenge"]);
        Assert.IsType<MethodStep.Passed>(await bed.LogonAsync(Answer(both[1])));
        Assert.Equal(2u, bed.StoredKey().Counter);

        await SignRequestAsync(bed);
        var fresh = Assert.Single(await _token.SignAsync(key.AppId, keyHandle, encoded[2]));
        AssertFailed(U2fOutcomes.U2fCounterRegression, await bed.LogonAsync(Answer(fresh)));
    }

    [Fact]
    public async Task TheTokensOwnCertificateAsAttestationRoot_IsTrusted()
    {
        // The first call creates the token's key and certificate, valid from now on.
        await _token.RegisterAsync(PublicUrl, WebSafeBase64.Encode(new byte[32]));
        var bed = new U2fTestBed(DateTimeOffset.UtcNow) { Options = new() { CheckAttestation = true, AttestationRoots = [_token.CertificatePem] } };

        await RegisteredAsync(bed);
    }

    [Fact]
    public async Task WithoutItsRoot_TheTokenIsNotTrusted()
    {
        var bed = new U2fTestBed(DateTimeOffset.UtcNow) { Options = new() { CheckAttestation = true } };
        var request = Assert.IsType<EnrollStep.MoreData>(await bed.EnrollAsync("{}")).Extras["registerRequests"]![0]!;
        var registration = await _token.RegisterAsync((string)request["appId"]!, (string)request["challenge"]!);

        var step = await bed.EnrollAsync(new JsonObject { ["registerResponse"] = registration }.ToJsonString());

        AssertFailed(Outcomes.AttestationNotTrusted, step);
    }

    [Fact]
    public async Task SignRequestsAtEnrollment_MakeTheTokenRefuseToRegisterTwice()
    {
        var bed = await RegisteredAsync();
        var begin = Assert.IsType<EnrollStep.MoreData>(await bed.EnrollAsync("{}"));
        var registered = begin.Extras["signRequests"]!.AsArray().Select(r => (string)r!["keyHandle"]!).ToArray();
        var request = begin.Extras["registerRequests"]![0]!;

        var refusal = await _token.RegisterAsync((string)request["appId"]!, (string)request["challenge"]!, registered);
        Assert.Equal(4, (int?)refusal["errorCode"]);

        AssertFailed(U2fOutcomes.U2fRegistrationInvalid, await bed.EnrollAsync(new JsonObject { ["registerResponse"] = refusal }.ToJsonString()));
    }

    [Fact]
    public async Task ASignatureForAnotherAppId_IsOriginMismatch()
    {
        var bed = await RegisteredAsync();
        var request = await SignRequestAsync(bed);

        var signed = Assert.Single(await _token.SignAsync("https://other.example", (string)request["keyHandle"]!, (string)request["challenge"]!));

        AssertFailed(U2fOutcomes.U2fOriginMismatch, await bed.LogonAsync(Answer(signed)));
    }
}
