using System.Text.Json.Nodes;
using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Enrollment;
using static OpenAaf.Core.Tests.Methods.U2f.U2fTestBed;
using OpenAaf.Core.Methods.U2f;

namespace OpenAaf.Core.Tests.Methods.U2f;

/// <summary>test-vectors.md §2: the FIDO U2F registration example through both enrollment steps.</summary>
public sealed class U2fRegistrationVectorTests
{
    private static async Task<(U2fTestBed Bed, EnrollStep.MoreData Begin)> BeginAsync(string challengeHex = U2fVectors.RegChallengeHex)
    {
        var bed = new U2fTestBed();
        bed.Random.Enqueue(challengeHex);
        var begin = Assert.IsType<EnrollStep.MoreData>(await bed.EnrollAsync("""{"appId": "http://example.com"}"""));
        return (bed, begin);
    }

    [Fact]
    public async Task Step1_AnswersWaitingForRegistrationWithTheChallengeAndNoRegisteredKeys()
    {
        var (_, begin) = await BeginAsync();

        Assert.Equal(U2fOutcomes.U2fWaitingRegResponse, begin.Outcome);
        Assert.Equal("OAAF-3102", begin.Outcome.MsgId);
        var request = Assert.Single(begin.Extras["registerRequests"]!.AsArray())!;
        Assert.Equal("""{"version":"U2F_V2","challenge":"vqrS6WXDe1JUs5_c3i4-LkKIHRr-3XVb3azuA5TifHo","appId":"http://example.com"}""",
            request.ToJsonString());
        Assert.Empty(begin.Extras["signRequests"]!.AsArray());
        Assert.Null(begin.BindUserId);
    }

    [Fact]
    public async Task SpecExample_IsEnrolledWithCounterZeroAndTheUserKey()
    {
        var (bed, _) = await BeginAsync();

        var done = Assert.IsType<EnrollStep.Done>(await bed.EnrollAsync(U2fVectors.RegisterResponse()));

        Assert.Equal("""{"app_id":"http://example.com"}""", done.Authenticator.Data);
        var key = bed.KeyOf(bed.Save(done));
        Assert.Equal(U2fVectors.RegAppId, key.AppId);
        Assert.Equal(U2fVectors.KeyHandleHex, Convert.ToHexStringLower(key.KeyHandle));
        Assert.Equal(U2fVectors.RegUserPublicKeyHex, Convert.ToHexStringLower(key.PublicKey));
        Assert.Equal(U2fVectors.AttestationCertificateHex, Convert.ToHexStringLower(key.AttestationCertificate));
        Assert.Equal(0u, key.Counter);
        Assert.Equal(["usb"], key.Transports);
    }

    [Fact]
    public async Task TheProcessAppIdCounts_NotTheOneEchoedInStep2()
    {
        var (bed, _) = await BeginAsync();
        var echoed = JsonNode.Parse(U2fVectors.RegisterResponse())!;
        echoed["registerResponse"]!["appId"] = "https://evil.example";

        Assert.IsType<EnrollStep.Done>(await bed.EnrollAsync(echoed.ToJsonString()));
    }

    [Fact]
    public async Task CheckAttestation_RefusesTheExpiredUntrustedCertificate()
    {
        var (bed, _) = await BeginAsync();
        bed.Options = bed.Options with { CheckAttestation = true };

        AssertFailed(Outcomes.AttestationNotTrusted, await bed.EnrollAsync(U2fVectors.RegisterResponse()));
    }

    [Fact]
    public async Task CheckAttestation_RefusesTheExpiredCertificateEvenWhenItIsItsOwnRoot()
    {
        var (bed, _) = await BeginAsync();
        var pem = new string(System.Security.Cryptography.PemEncoding.Write("CERTIFICATE", Convert.FromHexString(U2fVectors.AttestationCertificateHex)));
        bed.Options = bed.Options with { CheckAttestation = true, AttestationRoots = [pem] };

        AssertFailed(Outcomes.AttestationNotTrusted, await bed.EnrollAsync(U2fVectors.RegisterResponse()));
    }

    [Fact]
    public async Task AnotherOutstandingChallenge_IsChallengeMismatch()
    {
        var (bed, _) = await BeginAsync("00" + U2fVectors.RegChallengeHex[2..]);

        AssertFailed(Outcomes.ChallengeMismatch, await bed.EnrollAsync(U2fVectors.RegisterResponse()));
    }

    [Fact]
    public async Task NoStep1_IsChallengeMismatch()
    {
        var bed = new U2fTestBed();

        AssertFailed(Outcomes.ChallengeMismatch, await bed.EnrollAsync(U2fVectors.RegisterResponse()));
    }

    [Fact]
    public async Task ExpiredChallenge_IsChallengeMismatch()
    {
        var (bed, _) = await BeginAsync();
        bed.Time.Advance(TimeSpan.FromSeconds(121));

        AssertFailed(Outcomes.ChallengeMismatch, await bed.EnrollAsync(U2fVectors.RegisterResponse()));
    }

    [Fact]
    public async Task WithoutAllowHttp_TheHttpAppIdIsNotAllowed()
    {
        var bed = new U2fTestBed();
        bed.Options = bed.Options with { AllowHttp = false };
        bed.Random.Enqueue(U2fVectors.RegChallengeHex);

        AssertFailed(U2fOutcomes.U2fAppIdNotAllowed, await bed.EnrollAsync("""{"appId": "http://example.com"}"""));
    }

    [Fact]
    public async Task AfterAFailure_TheClientStartsOverWithANewChallenge()
    {
        var (bed, _) = await BeginAsync("00" + U2fVectors.RegChallengeHex[2..]);
        AssertFailed(Outcomes.ChallengeMismatch, await bed.EnrollAsync(U2fVectors.RegisterResponse()));

        await BeginAsyncOn(bed);

        Assert.IsType<EnrollStep.Done>(await bed.EnrollAsync(U2fVectors.RegisterResponse()));
    }

    [Fact]
    public async Task TheSameKeyTwice_IsAlreadyRegistered_AndListedInSignRequests()
    {
        var (bed, _) = await BeginAsync();
        bed.Save(Assert.IsType<EnrollStep.Done>(await bed.EnrollAsync(U2fVectors.RegisterResponse())));

        var again = await BeginAsyncOn(bed);
        var listed = Assert.Single(again.Extras["signRequests"]!.AsArray())!;
        Assert.Equal(U2fVectors.KeyHandle, (string?)listed["keyHandle"]);
        Assert.Equal("vqrS6WXDe1JUs5_c3i4-LkKIHRr-3XVb3azuA5TifHo", (string?)listed["challenge"]);

        AssertFailed(Outcomes.KeyAlreadyRegistered, await bed.EnrollAsync(U2fVectors.RegisterResponse()));
    }

    private static async Task<EnrollStep.MoreData> BeginAsyncOn(U2fTestBed bed)
    {
        bed.Random.Enqueue(U2fVectors.RegChallengeHex);
        return Assert.IsType<EnrollStep.MoreData>(await bed.EnrollAsync("""{"app_id": "http://example.com"}"""));
    }
}
