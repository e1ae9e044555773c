using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Logon;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Methods.Hotp;
using OpenAaf.Core.Methods.Otp;
using OpenAaf.Core.Methods.Totp;
using OpenAaf.Core.Templates;
using OpenAaf.Core.Tests.Fakes;

namespace OpenAaf.Core.Tests.Methods.Otp;

/// <summary>
/// Two logon processes answer the same code at the same time through the engine: the template's
/// compare-and-set lets exactly one pass; the other fails as already used (methods.md §5.1 step 3, §6.1 step 3).
/// </summary>
public sealed class OtpConcurrencyTests
{
    [Fact]
    public async Task Totp_SameCodeTwiceInParallel_ExactlyOneOk()
    {
        var (h, rendezvous) = Harness(MethodIds.Totp);
        var step = TotpWindow.StepAt(h.Time.GetUtcNow().ToUnixTimeSeconds(), 30);
        var code = OtpCalculator.Compute(OtpVectors.Seed20, step, 6);

        var replies = await RaceAsync(h, rendezvous, MethodIds.Totp, new TotpSecret { Secret = OtpVectors.Seed20 }.ToBytes(), code);

        AssertOneOkOneAlreadyUsed(replies);
        var template = Assert.Single(await h.Templates.ListAsync(replies[0].Result!.Process.User.UserId, default), t => t.MethodId == MethodIds.Totp);
        Assert.Equal(step, TotpSecret.Open(h.Services.Secrets, template).LastUsedStep);
        Assert.Equal(1, template.Version);
    }

    [Fact]
    public async Task Hotp_SameCodeTwiceInParallel_ExactlyOneOk()
    {
        var (h, rendezvous) = Harness(MethodIds.Hotp);

        var replies = await RaceAsync(h, rendezvous, MethodIds.Hotp, new HotpSecret { Secret = OtpVectors.Seed20 }.ToBytes(), "755224");

        AssertOneOkOneAlreadyUsed(replies);
        var template = Assert.Single(await h.Templates.ListAsync(replies[0].Result!.Process.User.UserId, default), t => t.MethodId == MethodIds.Hotp);
        Assert.Equal(1, HotpSecret.Open(h.Services.Secrets, template).Counter);
    }

    [Fact]
    public async Task Totp_SameCodeInSequence_SecondIsAlreadyUsed_WithoutARace()
    {
        var h = new LogonHarness([LogonHarness.Chain("c1", "TOTP only", MethodIds.Totp)], methods: [new TotpMethod()]);
        await h.AddLocalUserAsync("alice", "Al1ce!pass");
        var first = await h.StartAsync("alice", MethodIds.Totp);
        await h.AddSealedTemplateAsync(first.Process.User.UserId, MethodIds.Totp, new TotpSecret { Secret = OtpVectors.Seed20 }.ToBytes());
        var code = OtpCalculator.Compute(OtpVectors.Seed20, TotpWindow.StepAt(h.Time.GetUtcNow().ToUnixTimeSeconds(), 30), 6);

        var ok = await h.AnswerAsync(first, code);
        var again = await h.AnswerAsync(await h.StartAsync("alice", MethodIds.Totp), code);

        Assert.Equal(EnvelopeStatus.Ok, ok.Result!.Status);
        Assert.Equal(OtpOutcomes.OtpAlreadyUsed, again.Result!.Outcome);
        Assert.Equal(1, (await h.Lockouts.GetAsync(first.Process.User.UserId, h.Time.GetUtcNow(), default)).Failures);
    }

    private static (LogonHarness Harness, RendezvousTemplateStore Rendezvous) Harness(string methodId)
    {
        RendezvousTemplateStore? rendezvous = null;
        var h = new LogonHarness([LogonHarness.Chain("c1", "OTP only", methodId)],
            methods: [new TotpMethod(), new HotpMethod()],
            templates: inner => rendezvous = new RendezvousTemplateStore(inner));
        return (h, rendezvous!);
    }

    private static async Task<LogonReply[]> RaceAsync(LogonHarness h, RendezvousTemplateStore rendezvous, string methodId, byte[] payload, string code)
    {
        await h.AddLocalUserAsync("alice", "Al1ce!pass");
        var a = await h.StartAsync("alice", methodId);
        var b = await h.StartAsync("alice", methodId);
        await h.AddSealedTemplateAsync(a.Process.User.UserId, methodId, payload);
        rendezvous.Arm(2);
        return await Task.WhenAll(Task.Run(() => h.AnswerAsync(a, code)), Task.Run(() => h.AnswerAsync(b, code)));
    }

    private static void AssertOneOkOneAlreadyUsed(LogonReply[] replies)
    {
        var results = replies.Select(r => r.Result ?? throw new InvalidOperationException($"error {r.Error}")).ToList();
        Assert.Single(results, r => r.Status == EnvelopeStatus.Ok);
        var failed = Assert.Single(results, r => r.Status == EnvelopeStatus.Failed);
        Assert.Equal(OtpOutcomes.OtpAlreadyUsed, failed.Outcome);
    }
}
