using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Methods;
using static OpenAaf.Core.Tests.Methods.U2f.U2fTestBed;
using OpenAaf.Core.Methods.U2f;

namespace OpenAaf.Core.Tests.Methods.U2f;

/// <summary>test-vectors.md §3.2: negative and sequence vectors N1–N10 and generated G1–G4.</summary>
public sealed class U2fNegativeVectorTests
{
    private static async Task<U2fTestBed> ChallengedAsync(uint storedCounter = 0, string challengeHex = U2fVectors.AuthChallengeHex)
    {
        var bed = new U2fTestBed();
        bed.AddVectorKey(storedCounter);
        await bed.ChallengeAsync(challengeHex);
        return bed;
    }

    [Fact]
    public async Task N1_UserNotPresent_EvenWithAValidSignature()
    {
        var bed = await ChallengedAsync();
        AssertFailed(U2fOutcomes.U2fUserNotPresent, await bed.LogonAsync(U2fVectors.SignResponse(U2fVectors.N1UserNotPresent)));
    }

    [Fact]
    public async Task N2_CounterZeroAfterOne_IsCounterRegression()
    {
        var bed = await ChallengedAsync(storedCounter: 1);
        AssertFailed(U2fOutcomes.U2fCounterRegression, await bed.LogonAsync(U2fVectors.SignResponse(U2fVectors.N2CounterZero)));
        Assert.True(U2fOutcomes.U2fCounterRegression.CountsForLockout);
    }

    [Fact]
    public async Task N2b_BothCountersZero_PassesWithoutAnUpdate()
    {
        var bed = await ChallengedAsync(storedCounter: 0);
        var passed = Assert.IsType<MethodStep.Passed>(await bed.LogonAsync(U2fVectors.SignResponse(U2fVectors.N2CounterZero)));
        Assert.Null(passed.UpdatedTemplate);
        Assert.Equal(0u, bed.StoredKey().Counter);
    }

    [Fact]
    public async Task N3_CounterBytesChanged_IsSignatureInvalid()
    {
        var bed = await ChallengedAsync();
        AssertFailed(U2fOutcomes.U2fSignatureInvalid, await bed.LogonAsync(U2fVectors.SignResponse(U2fVectors.N3CounterChanged)));
    }

    [Fact]
    public async Task N4_TemplateHoldsTheRegistrationExampleKey_IsSignatureInvalid()
    {
        var bed = new U2fTestBed();
        bed.AddKey(new() { AppId = U2fVectors.AuthAppId, KeyHandle = Convert.FromHexString(U2fVectors.KeyHandleHex), PublicKey = Convert.FromHexString(U2fVectors.RegUserPublicKeyHex) });
        await bed.ChallengeAsync();
        AssertFailed(U2fOutcomes.U2fSignatureInvalid, await bed.LogonAsync(U2fVectors.SignResponse()));
    }

    [Fact]
    public async Task N5_UnknownKeyHandle()
    {
        var bed = await ChallengedAsync();
        AssertFailed(U2fOutcomes.U2fUnknownKey, await bed.LogonAsync(U2fVectors.SignResponse(keyHandle: U2fVectors.N5UnknownKeyHandle)));
    }

    [Fact]
    public async Task N6_OtherOutstandingChallenge_IsChallengeMismatch()
    {
        var bed = await ChallengedAsync(challengeHex: "ff" + U2fVectors.AuthChallengeHex[2..]);
        AssertFailed(U2fOutcomes.U2fChallengeMismatch, await bed.LogonAsync(U2fVectors.SignResponse()));
    }

    [Fact]
    public async Task N7_ChallengeExpired_IsChallengeMismatch()
    {
        var bed = await ChallengedAsync();
        bed.Time.Advance(TimeSpan.FromSeconds(121));
        AssertFailed(U2fOutcomes.U2fChallengeMismatch, await bed.LogonAsync(U2fVectors.SignResponse()));
    }

    [Fact]
    public async Task N7_JustBeforeExpiry_Passes()
    {
        var bed = await ChallengedAsync();
        bed.Time.Advance(TimeSpan.FromSeconds(119));
        Assert.IsType<MethodStep.Passed>(await bed.LogonAsync(U2fVectors.SignResponse()));
    }

    [Fact]
    public async Task N8_NoFacetsPrefixes_IsOriginMismatch()
    {
        var bed = await ChallengedAsync();
        bed.Options = bed.Options with { FacetsPrefixes = [] };
        AssertFailed(U2fOutcomes.U2fOriginMismatch, await bed.LogonAsync(U2fVectors.SignResponse()));
    }

    [Fact]
    public async Task N9_ReplayInANewProcessWithTheSameChallenge_IsCounterRegression()
    {
        var bed = await ChallengedAsync();
        Assert.IsType<MethodStep.Passed>(await bed.LogonAsync(U2fVectors.SignResponse()));

        await bed.ChallengeAsync();
        AssertFailed(U2fOutcomes.U2fCounterRegression, await bed.LogonAsync(U2fVectors.SignResponse()));
        Assert.Equal(1u, bed.StoredKey().Counter);
    }

    [Fact]
    public async Task N10_ReplayInANewProcessWithOtherChallengeBytes_IsChallengeMismatch()
    {
        var bed = await ChallengedAsync();
        Assert.IsType<MethodStep.Passed>(await bed.LogonAsync(U2fVectors.SignResponse()));

        Assert.IsType<MethodStep.MoreData>(await bed.LogonAsync(null));
        AssertFailed(U2fOutcomes.U2fChallengeMismatch, await bed.LogonAsync(U2fVectors.SignResponse()));
    }

    [Fact]
    public async Task N10_SameProcessAfterSuccess_HasNoChallengeLeft()
    {
        var bed = await ChallengedAsync();
        Assert.IsType<MethodStep.Passed>(await bed.LogonAsync(U2fVectors.SignResponse()));

        // The engine cleared the method state on success: the answer cannot be reused.
        AssertFailed(U2fOutcomes.U2fChallengeMismatch, await bed.LogonAsync(U2fVectors.SignResponse()));
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(1u)]
    public async Task G1_Counter2_PassesAfterStoredCounter0Or1(uint stored)
    {
        var bed = await ChallengedAsync(stored);
        Assert.IsType<MethodStep.Passed>(await bed.LogonAsync(U2fVectors.SignResponse(U2fVectors.G1SignatureData, U2fVectors.G1ClientData)));
        Assert.Equal(2u, bed.StoredKey().Counter);
    }

    [Fact]
    public async Task G1_AfterTheSpecExample_BothPass()
    {
        var bed = await ChallengedAsync();
        Assert.IsType<MethodStep.Passed>(await bed.LogonAsync(U2fVectors.SignResponse()));
        await bed.ChallengeAsync();
        Assert.IsType<MethodStep.Passed>(await bed.LogonAsync(U2fVectors.SignResponse(U2fVectors.G1SignatureData, U2fVectors.G1ClientData)));
        Assert.Equal(2u, bed.StoredKey().Counter);
    }

    [Fact]
    public async Task G2_EnrollmentTyp_IsBadResponse()
    {
        var bed = await ChallengedAsync();
        AssertFailed(U2fOutcomes.U2fBadResponse, await bed.LogonAsync(U2fVectors.SignResponse(U2fVectors.G2SignatureData, U2fVectors.G2ClientData)));
    }

    [Fact]
    public async Task G3_LookalikeOrigin_IsOriginMismatch_EvenWithASuffixRule()
    {
        var bed = await ChallengedAsync();
        bed.Options = bed.Options with { FacetsPrimarySuffx = "example.com" };
        AssertFailed(U2fOutcomes.U2fOriginMismatch, await bed.LogonAsync(U2fVectors.SignResponse(U2fVectors.G3SignatureData, U2fVectors.G3ClientData)));
    }

    [Fact]
    public async Task G4_OtherChallengeInClientData_IsChallengeMismatch()
    {
        var bed = await ChallengedAsync();
        AssertFailed(U2fOutcomes.U2fChallengeMismatch, await bed.LogonAsync(U2fVectors.SignResponse(U2fVectors.G4SignatureData, U2fVectors.G4ClientData)));
    }
}
