using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Methods.Fido2;
using OpenAaf.Core.Tests.Fakes;

namespace OpenAaf.Core.Tests.Methods.Fido2;

/// <summary>FIDO2:1 through the logon engine, native path: MORE_DATA with options, then OK or FAILED.</summary>
public sealed class Fido2LogonEngineTests
{
    [Fact]
    public async Task VectorA1_MoreDataThenOk_AndTheCounterIsSaved()
    {
        var e = new Fido2EngineHarness(new FixedRandomSource(Fido2Vectors.AssertionChallenge));
        var credential = new Fido2Credential
        {
            RpId = Fido2Vectors.RpId, CredentialId = Convert.FromHexString("66773ce635be9a59e3bae3b5a1bc706b"),
            PublicKey = Convert.FromHexString(Fido2Vectors.CoseKeyHex), Algorithm = CoseAlgorithms.Es256,
            UserHandle = Convert.FromHexString(Fido2Vectors.UserId),
        };
        var (started, template) = await e.StartWithAsync(credential);

        var more = await e.DoLogonAsync(started, null);
        var ok = await e.DoLogonAsync(started, Fido2Vectors.AssertionResponse("A1"));

        Assert.Equal(EnvelopeStatus.MoreData, more.Result!.Status);
        Assert.Equal(Fido2Outcomes.Fido2WaitingAssertion, more.Result.Outcome);
        Assert.Equal("wv-pAI9DFgdrYhQmivEFWmsTixGn7eIiPay_Hhn8Nlk", more.Result.Extras[RequestOptionsJson.Key]!["challenge"]!.GetValue<string>());
        Assert.Equal(EnvelopeStatus.Ok, ok.Result!.Status);
        Assert.NotNull(ok.Result.LoginSessionId);
        Assert.Equal(template.Id, ok.Result.CompletedTemplateId);
        Assert.Equal(1u, await e.StoredCountAsync(template));
    }

    [Fact]
    public async Task TwoProcesses_WithTheSameCount_OneWins_TheOtherIsACountedRegression()
    {
        var e = new Fido2EngineHarness();
        using var key = new SoftwareAuthenticator(CoseAlgorithms.Es256);
        var (first, template) = await e.StartWithAsync(key, signCount: 3);
        var second = await e.H.StartAsync("denis", OpenAaf.Core.Methods.MethodIds.Fido2);
        var firstChallenge = Fido2EngineHarness.ChallengeOf(await e.DoLogonAsync(first, null));
        var secondChallenge = Fido2EngineHarness.ChallengeOf(await e.DoLogonAsync(second, null));

        var ok = await e.DoLogonAsync(first, key.Assert(new Ceremony { Challenge = firstChallenge, Counter = 4 }));
        var clone = await e.DoLogonAsync(second, key.Assert(new Ceremony { Challenge = secondChallenge, Counter = 4 }));

        Assert.Equal(EnvelopeStatus.Ok, ok.Result!.Status);
        Assert.Equal(EnvelopeStatus.Failed, clone.Result!.Status);
        Assert.Equal(Fido2Outcomes.Fido2CounterRegression, clone.Result.Outcome);
        Assert.Equal(4u, await e.StoredCountAsync(template));
        Assert.Equal(1, await e.FailuresAsync(second));
        Assert.Contains(e.H.Audit.Records, r => r.Reason == "FIDO2_COUNTER_REGRESSION" && r.Result == "FAILED");
    }

    [Fact]
    public async Task WithoutTemplates_IsNotEnrolled()
    {
        var e = new Fido2EngineHarness();
        var started = await e.H.StartAsync("denis", OpenAaf.Core.Methods.MethodIds.Fido2);

        var reply = await e.DoLogonAsync(started, null);

        Assert.Equal(Outcomes.MethodNotEnrolled, reply.Result!.Outcome);
    }
}
