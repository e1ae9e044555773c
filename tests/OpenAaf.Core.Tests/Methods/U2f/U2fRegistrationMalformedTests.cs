using System.Text.Json.Nodes;
using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Enrollment;
using OpenAaf.Core.Methods.U2f;
using static OpenAaf.Core.Tests.Methods.U2f.U2fTestBed;

namespace OpenAaf.Core.Tests.Methods.U2f;

/// <summary>Truncated, garbled and oversized registration responses (methods.md §9.4 steps 1–3).</summary>
public sealed class U2fRegistrationMalformedTests
{
    private static readonly byte[] Vector = WebSafeBase64.Decode(U2fVectors.RegistrationData, U2fLimits.RegistrationData)!;

    private static async Task<EnrollStep> RegisterAsync(U2fTestBed bed, string body)
    {
        bed.Random.Enqueue(U2fVectors.RegChallengeHex);
        Assert.IsType<EnrollStep.MoreData>(await bed.EnrollAsync("""{"appId": "http://example.com"}"""));
        return await bed.EnrollAsync(body);
    }

    private static Task<EnrollStep> RegisterAsync(U2fTestBed bed, byte[] registrationData) =>
        RegisterAsync(bed, U2fVectors.RegisterResponse(WebSafeBase64.Encode(registrationData)));

    [Fact]
    public void TheVectorHas522Bytes_AndItsCertificateEndsWhereItsDerHeaderSays()
    {
        var parsed = U2fRegistrationData.Parse(Vector)!;
        Assert.Equal(522, Vector.Length);
        Assert.Equal(320, parsed.Certificate.Length);
        Assert.Equal(71, parsed.Signature.Length);
    }

    [Fact]
    public async Task EveryTruncation_IsRegistrationInvalid()
    {
        var bed = new U2fTestBed();
        for (var length = 1; length < Vector.Length; length++)
            AssertFailed(U2fOutcomes.U2fRegistrationInvalid, await RegisterAsync(bed, Vector[..length]));
        Assert.IsType<EnrollStep.Done>(await RegisterAsync(bed, Vector));
    }

    public static TheoryData<int, byte> GarbledBytes => new()
    {
        { 0, 0x04 },                // reserved byte
        { 1, 0x02 },                // compressed-point prefix
        { 40, 0x00 },               // public key off the curve
        { 66, 0x00 },               // key handle length 0
        { 66, 0xff },               // key handle longer than the rest allows
        { 67, 0x00 },               // key handle byte: the signature no longer verifies
        { 131, 0x31 },              // certificate tag is not a SEQUENCE
        { 132, 0x83 },              // certificate length in a form DER never uses here
        { 133, 0x02 },              // certificate length: the rest no longer parses
        { 306, 0xff },              // the certificate's public key
        { 460, 0x00 },              // inside the attestation signature
    };

    [Theory]
    [MemberData(nameof(GarbledBytes))]
    public async Task AGarbledByte_IsRegistrationInvalid(int index, byte value)
    {
        var garbled = Vector.ToArray();
        garbled[index] = value;
        AssertFailed(U2fOutcomes.U2fRegistrationInvalid, await RegisterAsync(new U2fTestBed(), garbled));
    }

    [Fact]
    public async Task TrailingBytes_AreRegistrationInvalid()
    {
        AssertFailed(U2fOutcomes.U2fRegistrationInvalid, await RegisterAsync(new U2fTestBed(), [.. Vector, 0x00]));
        AssertFailed(U2fOutcomes.U2fRegistrationInvalid, await RegisterAsync(new U2fTestBed(), [.. Vector, .. new byte[64]]));
    }

    [Theory]
    [InlineData("BQSx dLxJ")]
    [InlineData("BQSx*dLxJ")]
    [InlineData("")]
    public async Task UndecodableRegistrationData_IsRegistrationInvalid(string registrationData) =>
        AssertFailed(U2fOutcomes.U2fRegistrationInvalid, await RegisterAsync(new U2fTestBed(), U2fVectors.RegisterResponse(registrationData)));

    [Fact]
    public async Task StandardBase64_IsAccepted()
    {
        var body = U2fVectors.RegisterResponse(Convert.ToBase64String(Vector), Convert.ToBase64String(WebSafeBase64.Decode(U2fVectors.RegClientData, 4096)!));
        Assert.IsType<EnrollStep.Done>(await RegisterAsync(new U2fTestBed(), body));
    }

    [Fact]
    public async Task OversizedRegistrationData_IsRegistrationInvalid() =>
        AssertFailed(U2fOutcomes.U2fRegistrationInvalid, await RegisterAsync(new U2fTestBed(), [.. Vector, .. new byte[U2fLimits.RegistrationData]]));

    [Fact]
    public async Task AssertionTyp_IsRegistrationInvalid()
    {
        var clientData = U2fTestSigner.ClientData(U2fClientData.GetAssertion, "vqrS6WXDe1JUs5_c3i4-LkKIHRr-3XVb3azuA5TifHo", "http://example.com");
        var (registrationData, _, _) = U2fTestSigner.SpecAttestedRegistration("http://example.com", clientData);
        AssertFailed(U2fOutcomes.U2fRegistrationInvalid, await RegisterAsync(new U2fTestBed(), U2fVectors.RegisterResponse(registrationData, clientData)));
    }

    [Fact]
    public async Task OriginNotAFacetOfTheAppId_IsAppIdNotAllowed()
    {
        var clientData = U2fTestSigner.ClientData(U2fClientData.FinishEnrollment, "vqrS6WXDe1JUs5_c3i4-LkKIHRr-3XVb3azuA5TifHo", "https://evil.example");
        var (registrationData, _, _) = U2fTestSigner.SpecAttestedRegistration("http://example.com", clientData);
        AssertFailed(U2fOutcomes.U2fAppIdNotAllowed, await RegisterAsync(new U2fTestBed(), U2fVectors.RegisterResponse(registrationData, clientData)));
    }

    [Fact]
    public async Task ASignatureOverAnotherAppId_IsRegistrationInvalid()
    {
        var clientData = U2fTestSigner.ClientData(U2fClientData.FinishEnrollment, "vqrS6WXDe1JUs5_c3i4-LkKIHRr-3XVb3azuA5TifHo", "http://example.com");
        var (registrationData, _, _) = U2fTestSigner.SpecAttestedRegistration("https://other.example", clientData);
        AssertFailed(U2fOutcomes.U2fRegistrationInvalid, await RegisterAsync(new U2fTestBed(), U2fVectors.RegisterResponse(registrationData, clientData)));
    }

    [Theory]
    [InlineData("{\"registerResponse\": {\"errorCode\": 5}}", null)]
    [InlineData("{\"registerResponse\": {\"errorCode\": 4}}", "OAAF-3122")]
    [InlineData("{\"registerResponse\": 7}", "OAAF-3122")]
    [InlineData("{\"registerResponse\": \"{]\"}", "OAAF-3122")]
    public async Task ErrorCodesAndUnusableWrappers(string body, string? failure)
    {
        var bed = new U2fTestBed();
        var step = await RegisterAsync(bed, body);
        if (failure is null)
        {
            var more = Assert.IsType<EnrollStep.MoreData>(step);
            Assert.Equal("http://example.com", (string?)more.Extras["registerRequests"]![0]!["appId"]);
        }
        else Assert.Equal(failure, Assert.IsType<EnrollStep.Failed>(step).Outcome.MsgId);
    }

    [Fact]
    public async Task RegisterResponseAsAJsonString_IsAccepted()
    {
        var inner = JsonNode.Parse(U2fVectors.RegisterResponse())!["registerResponse"]!.ToJsonString();
        var body = new JsonObject { ["register_response"] = inner }.ToJsonString();
        Assert.IsType<EnrollStep.Done>(await RegisterAsync(new U2fTestBed(), body));
    }
}
