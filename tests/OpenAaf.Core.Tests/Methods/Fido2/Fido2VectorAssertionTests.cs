using System.Text.Json.Nodes;
using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Methods.Fido2;

namespace OpenAaf.Core.Tests.Methods.Fido2;

/// <summary>test-vectors.md §7.2: each row against the §7.1 template, the assertion challenge outstanding.</summary>
public sealed class Fido2VectorAssertionTests
{
    private readonly Fido2Fixture _f = new();

    [Theory]
    [InlineData("A1", null)]
    [InlineData("A2", null)]
    [InlineData("A3", "OAAF-2159")]
    [InlineData("A4", "OAAF-2157")]
    [InlineData("A5", null)]
    [InlineData("A6", "OAAF-2155")]
    [InlineData("A7", "OAAF-2154")]
    [InlineData("A8", "OAAF-2160")]
    [InlineData("A9", "OAAF-2153")]
    public async Task Row_GivesItsExpectedVerdict(string row, string? msgId)
    {
        var template = await _f.VectorTemplateAsync(Fido2Vectors.Rows[row].Stored);

        var step = await _f.LogonAsync([template], _f.State(Fido2Vectors.AssertionChallenge), Fido2Vectors.AssertionResponse(row));

        if (msgId is null) Assert.IsType<MethodStep.Passed>(step);
        else Assert.Equal(msgId, Fido2Fixture.FailureOf(step).MsgId);
    }

    [Fact]
    public async Task A1ThenA2_StoreCounts1And2_AndA1Again_IsACounterRegression()
    {
        var template = await _f.VectorTemplateAsync();
        var state = _f.State(Fido2Vectors.AssertionChallenge);

        var a1 = Assert.IsType<MethodStep.Passed>(await _f.LogonAsync([template], state, Fido2Vectors.AssertionResponse("A1")));
        var afterA1 = a1.UpdatedTemplate! with { Version = template.Version + 1 };
        var a2 = Assert.IsType<MethodStep.Passed>(await _f.LogonAsync([afterA1], state, Fido2Vectors.AssertionResponse("A2")));
        var afterA2 = a2.UpdatedTemplate!;
        var a3 = await _f.LogonAsync([afterA2], state, Fido2Vectors.AssertionResponse("A3"));

        Assert.Equal(1u, _f.Open(afterA1).SignCount);
        Assert.Equal(Fido2Outcomes.Fido2CounterRegression, a1.ConflictOutcome);
        Assert.Equal(2u, _f.Open(afterA2).SignCount);
        Assert.Equal(Fido2Outcomes.Fido2CounterRegression, Fido2Fixture.FailureOf(a3));
    }

    [Fact]
    public async Task A5_WithUserVerificationRequired_IsUserNotVerified()
    {
        _f.Options = _f.Options with { UserVerification = "required" };
        var template = await _f.VectorTemplateAsync();

        var step = await _f.LogonAsync([template], _f.State(Fido2Vectors.AssertionChallenge), Fido2Vectors.AssertionResponse("A5"));

        Assert.Equal(Fido2Outcomes.Fido2UserNotVerified, Fido2Fixture.FailureOf(step));
    }

    [Fact]
    public async Task Step1_IssuesTheRequestOptionsOfMethods101_WithTheFixedChallenge()
    {
        var template = await _f.VectorTemplateAsync();

        var step = Assert.IsType<MethodStep.MoreData>(await _f.LogonAsync([template], null, null));

        Assert.Equal(Fido2Outcomes.Fido2WaitingAssertion, step.Outcome);
        Assert.Equal("""{"challenge":"wv-pAI9DFgdrYhQmivEFWmsTixGn7eIiPay_Hhn8Nlk","timeout":120000,"rpId":"mfa.example.test","allowCredentials":[{"type":"public-key","id":"Znc85jW-mlnjuuO1obxwaw","transports":[]}],"userVerification":"preferred","extensions":{}}""",
            ((JsonObject)step.Extras[RequestOptionsJson.Key]!).ToJsonString());
    }

    [Fact]
    public async Task A1_AfterStep1_Passes()
    {
        var template = await _f.VectorTemplateAsync();

        var options = Assert.IsType<MethodStep.MoreData>(await _f.LogonAsync([template], null, null));
        var step = await _f.LogonAsync([template], options.NewState, Fido2Vectors.AssertionResponse("A1"));

        Assert.Same(template, Assert.IsType<MethodStep.Passed>(step).Template);
    }
}
