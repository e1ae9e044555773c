using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Enrollment;
using OpenAaf.Core.Methods.U2f;
using static OpenAaf.Core.Tests.Methods.U2f.U2fTestBed;

namespace OpenAaf.Core.Tests.Methods.U2f;

/// <summary>methods.md §9.4 step 1 (appId, userId, signRequests) and step 5 (duplicate keys).</summary>
public sealed class U2fEnrollmentTests
{
    [Fact]
    public async Task WithoutAppId_ThePublicUrlOriginIsTheAppId_AndUserIdBindsTheProcess()
    {
        var bed = new U2fTestBed { Options = new() };

        var more = Assert.IsType<EnrollStep.MoreData>(await bed.EnrollAsync("""{"userId": "a8e32d86c69871a507f45b2e64976138"}"""));

        Assert.Equal(PublicUrl, (string?)more.Extras["registerRequests"]![0]!["appId"]);
        Assert.Equal("a8e32d86c69871a507f45b2e64976138", more.BindUserId);
        Assert.IsType<EnrollStep.MoreData>(await bed.EnrollAsync(null));
    }

    [Theory]
    [InlineData("https://auth.example.test/u2f/app-id.json", "")]
    [InlineData("https://login.corp.example", "corp.example")]
    [InlineData("https://corp.example:8443", "corp.example")]
    public async Task AllowedAppIds(string appId, string suffix)
    {
        var bed = new U2fTestBed { Options = new() { FacetsPrimarySuffx = suffix } };
        Assert.IsType<EnrollStep.MoreData>(await bed.EnrollAsync($$"""{"app_id": "{{appId}}"}"""));
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("https://auth.example.test.evil.example")]
    [InlineData("http://auth.example.test")]
    [InlineData("https://evilcorp.example")]
    [InlineData("urn:example")]
    [InlineData("not a url")]
    public async Task OtherAppIds_AreNotAllowed(string appId)
    {
        var bed = new U2fTestBed { Options = new() { FacetsPrimarySuffx = "corp.example" } };
        AssertFailed(U2fOutcomes.U2fAppIdNotAllowed, await bed.EnrollAsync($$"""{"appId": "{{appId}}"}"""));
        Assert.Null(bed.State);
    }

    [Fact]
    public async Task SignRequestsListOnlyTheKeysOfThisAppId()
    {
        var bed = new U2fTestBed();
        bed.AddVectorKey(appId: "http://example.com");
        bed.AddKey(bed.StoredKey() with { AppId = "https://portal.example.com", KeyHandle = [7] });

        var more = Assert.IsType<EnrollStep.MoreData>(await bed.EnrollAsync("""{"appId": "http://example.com"}"""));

        Assert.Equal(U2fVectors.KeyHandle, (string?)Assert.Single(more.Extras["signRequests"]!.AsArray())!["keyHandle"]);
    }

    [Fact]
    public async Task TheSamePublicKeyUnderAnotherHandle_IsAlreadyRegistered()
    {
        var bed = new U2fTestBed();
        bed.Random.Enqueue(U2fVectors.RegChallengeHex);
        await bed.EnrollAsync("""{"appId": "http://example.com"}""");
        var clientData = U2fTestSigner.ClientData(U2fClientData.FinishEnrollment, "vqrS6WXDe1JUs5_c3i4-LkKIHRr-3XVb3azuA5TifHo", "http://example.com");
        var (registrationData, _, userKey) = U2fTestSigner.SpecAttestedRegistration("http://example.com", clientData);
        bed.AddKey(new U2fKey { AppId = "https://other.example", KeyHandle = [1, 2], PublicKey = U2fTestSigner.PublicPoint(userKey) });

        AssertFailed(Outcomes.KeyAlreadyRegistered, await bed.EnrollAsync(U2fVectors.RegisterResponse(registrationData, clientData)));
    }

    [Fact]
    public async Task AChallengeIsSingleUse()
    {
        var bed = new U2fTestBed();
        bed.Random.Enqueue(U2fVectors.RegChallengeHex);
        await bed.EnrollAsync("""{"appId": "http://example.com"}""");
        Assert.IsType<EnrollStep.Done>(await bed.EnrollAsync(U2fVectors.RegisterResponse()));

        // The engine discards the state after OK; a replay finds no challenge.
        AssertFailed(Outcomes.ChallengeMismatch, await bed.EnrollAsync(U2fVectors.RegisterResponse()));
    }
}
