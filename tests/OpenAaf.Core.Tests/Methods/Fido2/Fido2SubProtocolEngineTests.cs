using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Logon;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Methods.Fido2;

namespace OpenAaf.Core.Tests.Methods.Fido2;

/// <summary>
/// The sub-protocol's path through the engine (methods.md §10.3): options and result without an endpoint
/// session, the verdict committed at once and delivered by the next do_logon.
/// </summary>
public sealed class Fido2SubProtocolEngineTests : IDisposable
{
    private readonly SoftwareAuthenticator _key = new(CoseAlgorithms.Es256);

    public void Dispose() => _key.Dispose();

    [Fact]
    public async Task OptionsRepeatTheChallenge_TheResultIsVerifiedAtOnce_AndDeliveredByThePoll()
    {
        var e = new Fido2EngineHarness();
        var (started, template) = await e.StartWithAsync(_key);
        var step1 = await e.DoLogonAsync(started, null);

        var options = await e.SubProtocolAsync(started, null);
        var verdict = await e.SubProtocolAsync(started, _key.Assert(new Ceremony { Challenge = Fido2EngineHarness.ChallengeOf(step1) }));
        var countBeforePoll = await e.StoredCountAsync(template);
        var again = await e.SubProtocolAsync(started, null);
        var poll = await e.DoLogonAsync(started, null);

        Assert.Equal(EnvelopeStatus.MoreData, options.Result!.Status);
        Assert.Equal(Fido2EngineHarness.ChallengeOf(step1), Fido2EngineHarness.ChallengeOf(options));
        Assert.Equal(EnvelopeStatus.Ok, verdict.Result!.Status);
        Assert.Equal(1u, countBeforePoll);
        Assert.Equal(Outcomes.MethodNotInChains, again.Error);
        Assert.Equal(EnvelopeStatus.Ok, poll.Result!.Status);
        Assert.Equal(template.Id, poll.Result.CompletedTemplateId);
        Assert.NotNull(poll.Result.LoginSessionId);
        Assert.Equal(1u, await e.StoredCountAsync(template));
    }

    [Fact]
    public async Task AFailedResult_IsCountedAtOnce_AndDeliveredOnce()
    {
        var e = new Fido2EngineHarness();
        var (started, _) = await e.StartWithAsync(_key);
        var step1 = await e.DoLogonAsync(started, null);

        var verdict = await e.SubProtocolAsync(started, _key.Assert(new Ceremony { Challenge = Fido2EngineHarness.ChallengeOf(step1), BogusSignature = true }));
        var failuresAtVerification = await e.FailuresAsync(started);
        var poll = await e.DoLogonAsync(started, null);
        var gone = await e.DoLogonAsync(started, null);

        Assert.Equal(EnvelopeStatus.Failed, verdict.Result!.Status);
        Assert.Equal(Fido2Outcomes.Fido2SignatureInvalid, verdict.Result.Outcome);
        Assert.Equal(1, failuresAtVerification);
        Assert.Equal(EnvelopeStatus.Failed, poll.Result!.Status);
        Assert.Equal(Fido2Outcomes.Fido2SignatureInvalid, poll.Result.Outcome);
        Assert.Equal(1, await e.FailuresAsync(started));
        Assert.Equal(Outcomes.LogonProcessNotFound, gone.Error);
    }

    [Fact]
    public async Task ChoosingAnotherMethod_DoesNotEscapeAPendingFailure()
    {
        var e = new Fido2EngineHarness(withPasswordChain: true);
        var (started, _) = await e.StartWithAsync(_key);
        var step1 = await e.DoLogonAsync(started, null);
        await e.SubProtocolAsync(started, _key.Assert(new Ceremony { Challenge = new byte[32] }));

        var next = await e.H.Engine.NextAsync(started.Process.Id, e.H.Session.Id, MethodIds.Password, default);

        Assert.Equal(EnvelopeStatus.Failed, next.Result!.Status);
        Assert.Equal(Fido2Outcomes.Fido2ChallengeMismatch, next.Result.Outcome);
        Assert.NotNull(step1.Result);
    }

    [Fact]
    public async Task BeforeStep1_ForAnotherMethod_OrAnUnknownProcess_IsRefused()
    {
        var e = new Fido2EngineHarness();
        var (started, _) = await e.StartWithAsync(_key);

        var early = await e.SubProtocolAsync(started, null);
        await e.DoLogonAsync(started, null);
        var otherMethod = await e.SubProtocolAsync(started, null, MethodIds.Password);
        var unknown = await e.H.Engine.AnswerSubProtocolAsync("nope", MethodIds.Fido2, MethodInput.None, default);

        Assert.Equal(Outcomes.MethodNotInChains, early.Error);
        Assert.Equal(Outcomes.MethodNotInChains, otherMethod.Error);
        Assert.Equal(Outcomes.LogonProcessNotFound, unknown.Error);
    }

    [Fact]
    public async Task NativeAnswer_WhileAVerdictIsPending_GetsTheVerdict()
    {
        var e = new Fido2EngineHarness();
        var (started, _) = await e.StartWithAsync(_key);
        var challenge = Fido2EngineHarness.ChallengeOf(await e.DoLogonAsync(started, null));
        await e.SubProtocolAsync(started, _key.Assert(new Ceremony { Challenge = challenge }));

        LogonReply reply = await e.DoLogonAsync(started, _key.Assert(new Ceremony { Challenge = challenge }));

        Assert.Equal(EnvelopeStatus.Ok, reply.Result!.Status);
    }
}
