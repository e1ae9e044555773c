using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Configuration;
using OpenAaf.Core.Logon;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Methods.LdapPassword;
using OpenAaf.Core.Tests.Fakes;

namespace OpenAaf.Core.Tests.Logon;

/// <summary>
/// No more than <c>failed_attempts</c> verifications run before the user is locked, however many guesses arrive at
/// once (issue 7, defect 2). Verifications are counted where they happen: in the method.
/// </summary>
public sealed class ParallelGuessingTests
{
    private const int Guesses = 20;
    private static readonly ChainDefinition PasswordOnly = LogonHarness.Chain("c1", "Password only", MethodIds.Password);
    private static readonly TimeSpan Hold = TimeSpan.FromMilliseconds(500);

    private static (LogonHarness Harness, Func<int> Verifications) Harness()
    {
        RendezvousMethod? counter = null;
        var h = new LogonHarness([PasswordOnly], decorate: m => m.Id == MethodIds.Password ? counter = new RendezvousMethod(m, Guesses, Hold) : m);
        return (h, () => counter!.Verifications);
    }

    [Fact]
    public async Task TwentyParallelWrongPasswords_OneEndpointSession_RunThreeVerifications()
    {
        var (h, verifications) = Harness();
        var userId = await h.AddLocalUserAsync("alice", "Al1ce!pass");
        var started = new List<LogonResult>();
        for (var i = 0; i < Guesses; i++) started.Add(await h.StartAsync("alice"));

        var replies = await Task.WhenAll(started.Select(p => Task.Run(() => h.AnswerAsync(p, "wrong"))));

        Assert.Equal(3, verifications());
        Assert.Equal(3, replies.Count(r => r.Result!.Outcome == Outcomes.PasswordWrong));
        Assert.Equal(Guesses - 3, replies.Count(r => r.Result!.Outcome == Outcomes.UserLocked));
        Assert.True((await h.Lockouts.GetAsync(userId, h.Time.GetUtcNow(), default)).Locked);
    }

    [Fact]
    public async Task TwentyParallelWrongPasswords_FromTwentyEndpointSessions_RunThreeVerifications()
    {
        var (h, verifications) = Harness();
        await h.AddLocalUserAsync("alice", "Al1ce!pass");
        var started = new List<LogonResult>();
        for (var i = 0; i < Guesses; i++) started.Add(await h.StartAsync("alice", session: LogonHarness.NewSession()));

        var replies = await Task.WhenAll(started.Select(p => Task.Run(() => h.AnswerAsync(p, "wrong"))));

        Assert.Equal(3, verifications());
        Assert.All(replies, r => Assert.Equal(EnvelopeStatus.Failed, r.Result!.Status));
        Assert.Equal(Guesses, started.Select(p => p.Process.EndpointSessionId).Distinct().Count());
    }

    [Fact]
    public async Task AfterTheLock_TheRightPasswordIsNotVerifiedEither()
    {
        var (h, verifications) = Harness();
        await h.AddLocalUserAsync("alice", "Al1ce!pass");
        var started = new List<LogonResult>();
        for (var i = 0; i < Guesses; i++) started.Add(await h.StartAsync("alice"));
        await Task.WhenAll(started.Select(p => Task.Run(() => h.AnswerAsync(p, "wrong"))));

        var right = await h.AnswerAsync(await h.StartAsync("alice"), "Al1ce!pass");

        Assert.Equal(Outcomes.UserLocked, right.Result!.Outcome);
        Assert.Equal(3, verifications());
    }

    [Fact]
    public async Task VerificationCancelledBeforeAVerdict_CountsAsAFailure()
    {
        var h = new LogonHarness([LogonHarness.Chain("c0", "Test", ScriptedMethod.DefaultId)], methods:
        [
            new ScriptedMethod(async (_, _, ct) =>
            {
                await Task.Delay(Timeout.Infinite, ct);
                return new MethodStep.Failed(Outcomes.PasswordWrong);
            }),
        ]);
        var userId = await h.AddLocalUserAsync("alice", "Al1ce!pass");
        var started = await h.StartAsync("alice");
        using var client = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.AnswerAsync(started, "guess", client.Token));

        Assert.Equal(1, (await h.Lockouts.GetAsync(userId, h.Time.GetUtcNow(), default)).Failures);
    }

    [Fact]
    public async Task StepsThatDoNotCount_ReleaseTheirAttempt()
    {
        var h = new LogonHarness([LogonHarness.Chain("c0", "LDAP only", MethodIds.LdapPassword)]);
        h.Directory.Add("denis", "novell", onRightPassword: Directories.PasswordCheck.AccountDisabled);
        var started = await h.StartAsync("denis");

        // Prompts (MORE_DATA) and failures not marked L take no attempt away: far more of them than the threshold.
        for (var i = 0; i < 5; i++) Assert.Equal(Outcomes.AnswerRequired, (await h.AnswerAsync(started, null)).Result!.Outcome);
        for (var i = 0; i < 5; i++)
            Assert.Equal(LdapPasswordOutcomes.LdapAccountDisabled, (await h.AnswerAsync(await h.StartAsync("denis"), "novell")).Result!.Outcome);
        var wrong = await h.AnswerAsync(await h.StartAsync("denis"), "bad");

        Assert.Equal(Outcomes.PasswordWrong, wrong.Result!.Outcome);
        Assert.Equal(1, (await h.Lockouts.GetAsync(started.Process.User.UserId, h.Time.GetUtcNow(), default)).Failures);
    }
}
