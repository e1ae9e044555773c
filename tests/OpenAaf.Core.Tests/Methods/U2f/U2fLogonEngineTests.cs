using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Configuration;
using OpenAaf.Core.Logon;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Methods.U2f;
using OpenAaf.Core.Policies;
using OpenAaf.Core.Tests.Fakes;

namespace OpenAaf.Core.Tests.Methods.U2f;

/// <summary>U2F:1 through the logon engine: MORE_DATA with the challenge, then OK, with the counter saved in the store.</summary>
public sealed class U2fLogonEngineTests
{
    private static readonly ChainDefinition U2fOnly = LogonHarness.Chain("c9", "U2F only", MethodIds.U2f);

    private sealed record Setup(LogonHarness Harness, QueuedRandomSource Random, string UserId, string TemplateId);

    private static async Task<Setup> SetupAsync(uint counter = 0)
    {
        var random = new QueuedRandomSource();
        var h = new LogonHarness([U2fOnly], PolicySet.Defaults with { U2fMethod = U2fTestBed.VectorOptions }, random: random);
        var userId = await h.AddLocalUserAsync("ADMIN", "Adm1n!pass");
        var bed = new U2fTestBed();
        var key = bed.KeyOf(bed.AddVectorKey(counter));
        var template = await h.AddSealedTemplateAsync(userId, MethodIds.U2f, key.ToPayload(), """{"app_id": "https://gstatic.com/securitykey/a/example.com"}""");
        return new Setup(h, random, userId, template.Id);
    }

    private static Task<LogonReply> AnswerAsync(LogonHarness h, LogonResult started, string? json) =>
        h.Engine.AnswerAsync(started.Process.Id, h.Session.Id, U2fTestBed.Input(json), default);

    private static async Task<LogonResult> ChallengedAsync(Setup s, string challengeHex = U2fVectors.AuthChallengeHex)
    {
        var started = await s.Harness.StartAsync("admin", MethodIds.U2f);
        s.Random.Enqueue(challengeHex);
        var more = (await AnswerAsync(s.Harness, started, null)).Result!;
        Assert.Equal(EnvelopeStatus.MoreData, more.Status);
        return more;
    }

    private static async Task<U2fKey> StoredKeyAsync(Setup s)
    {
        var template = (await s.Harness.Templates.GetAsync(s.TemplateId, default))!;
        return U2fTemplateKey.Open(s.Harness.Services.Secrets, template);
    }

    [Fact]
    public async Task MoreDataWithTheChallenge_ThenOk_AndTheCounterIsSaved()
    {
        var s = await SetupAsync();

        var more = await ChallengedAsync(s);
        var ok = (await AnswerAsync(s.Harness, more, U2fVectors.SignResponse())).Result!;

        Assert.Equal(U2fOutcomes.U2fWaitingAuthResponse, more.Outcome);
        Assert.Equal(U2fVectors.AuthChallenge, (string?)more.Extras["signRequests"]![0]!["challenge"]);
        Assert.Equal(U2fVectors.KeyHandle, (string?)more.Extras["signRequests"]![0]!["keyHandle"]);
        Assert.Equal(U2fVectors.AuthChallengeHex, (string?)more.Extras["webauth_challenge"]!["challenge"]);
        Assert.Equal(EnvelopeStatus.Ok, ok.Status);
        Assert.Equal(Outcomes.Welcome, ok.Outcome);
        Assert.NotNull(ok.LoginSessionId);
        Assert.Equal(s.TemplateId, ok.CompletedTemplateId);
        Assert.Equal("U2F only", ok.CompletedChain!.Chain.Name);
        Assert.Equal(1u, (await StoredKeyAsync(s)).Counter);
        Assert.Equal(["PROCESS_STARTED", "U2F_WAITING_AUTH_RESPONSE", ""], s.Harness.Audit.Records.Select(r => r.Reason));
    }

    [Fact]
    public async Task WebAuthnAssertion_ThroughTheEngine_IsOk()
    {
        var s = await SetupAsync(counter: 1);
        var more = await ChallengedAsync(s);

        var ok = (await AnswerAsync(s.Harness, more, U2fVectors.WebAuthnResponse())).Result!;

        Assert.Equal(EnvelopeStatus.Ok, ok.Status);
        Assert.Equal(2u, (await StoredKeyAsync(s)).Counter);
    }

    [Fact]
    public async Task N9_ReplayInANewProcessWithTheSameChallenge_FailsAndCountsForLockout()
    {
        var s = await SetupAsync();
        var first = await ChallengedAsync(s);
        Assert.Equal(EnvelopeStatus.Ok, (await AnswerAsync(s.Harness, first, U2fVectors.SignResponse())).Result!.Status);

        var second = await ChallengedAsync(s);
        var replay = (await AnswerAsync(s.Harness, second, U2fVectors.SignResponse())).Result!;

        Assert.Equal(EnvelopeStatus.Failed, replay.Status);
        Assert.Equal(U2fOutcomes.U2fCounterRegression, replay.Outcome);
        Assert.Equal(1, (await s.Harness.Lockouts.GetAsync(s.UserId, s.Harness.Time.GetUtcNow(), default)).Failures);
        Assert.Equal(1u, (await StoredKeyAsync(s)).Counter);
    }

    [Fact]
    public async Task N10_ReplayInANewProcessWithOtherChallengeBytes_IsChallengeMismatch()
    {
        var s = await SetupAsync();
        var first = await ChallengedAsync(s);
        Assert.Equal(EnvelopeStatus.Ok, (await AnswerAsync(s.Harness, first, U2fVectors.SignResponse())).Result!.Status);

        var second = await ChallengedAsync(s, new string('0', 64));
        var replay = (await AnswerAsync(s.Harness, second, U2fVectors.SignResponse())).Result!;

        Assert.Equal(U2fOutcomes.U2fChallengeMismatch, replay.Outcome);
        Assert.Equal(0, (await s.Harness.Lockouts.GetAsync(s.UserId, s.Harness.Time.GetUtcNow(), default)).Failures);
    }

    [Fact]
    public async Task AFailureEndsTheProcess()
    {
        var s = await SetupAsync();
        var more = await ChallengedAsync(s);

        var failed = await AnswerAsync(s.Harness, more, U2fVectors.SignResponse(U2fVectors.N1UserNotPresent));
        var after = await AnswerAsync(s.Harness, more, U2fVectors.SignResponse());

        Assert.Equal(U2fOutcomes.U2fUserNotPresent, failed.Result!.Outcome);
        Assert.Equal(Outcomes.LogonProcessNotFound, after.Error);
    }

    [Fact]
    public async Task WithoutAU2fTemplate_IsMethodNotEnrolled()
    {
        var random = new QueuedRandomSource();
        var h = new LogonHarness([U2fOnly], random: random);
        await h.AddLocalUserAsync("ADMIN", "Adm1n!pass");
        var started = await h.StartAsync("admin", MethodIds.U2f);

        var reply = (await AnswerAsync(h, started, null)).Result!;

        Assert.Equal(Outcomes.MethodNotEnrolled, reply.Outcome);
    }
}
