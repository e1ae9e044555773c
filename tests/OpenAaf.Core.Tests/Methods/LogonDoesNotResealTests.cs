using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Logon;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Methods.Fido2;
using OpenAaf.Core.Methods.Hotp;
using OpenAaf.Core.Methods.Otp;
using OpenAaf.Core.Methods.Totp;
using OpenAaf.Core.Methods.U2f;
using OpenAaf.Core.Policies;
using OpenAaf.Core.Templates;
using OpenAaf.Core.Tests.Fakes;
using OpenAaf.Core.Tests.Methods.Fido2;
using OpenAaf.Core.Tests.Methods.Otp;
using OpenAaf.Core.Tests.Methods.U2f;

namespace OpenAaf.Core.Tests.Methods;

/// <summary>
/// A successful logon moves the template's counter but never seals its secret again: AES-GCM with random
/// 96-bit nonces has a budget of about 2^32 encryptions per key. Sealing draws a fresh nonce, so any re-seal
/// changes the stored bytes; these tests compare them before and after, and check that the counter still
/// refuses a replay.
/// </summary>
public sealed class LogonDoesNotResealTests
{
    [Fact]
    public async Task Totp_LogonMovesTheCounter_WithoutResealing_AndTheCodeCannotBeReplayed()
    {
        var h = new LogonHarness([LogonHarness.Chain("c1", "TOTP", MethodIds.Totp)], methods: [new TotpMethod()]);
        await h.AddLocalUserAsync("alice", "Al1ce!pass");
        var first = await h.StartAsync("alice", MethodIds.Totp);
        var template = await h.AddSealedTemplateAsync(first.Process.User.UserId, MethodIds.Totp, new TotpSecret { Secret = OtpVectors.Seed20 }.ToBytes());
        var code = OtpCalculator.Compute(OtpVectors.Seed20, TotpWindow.StepAt(h.Time.GetUtcNow().ToUnixTimeSeconds(), 30), 6);

        var ok = await h.AnswerAsync(first, code);
        var replay = await h.AnswerAsync(await h.StartAsync("alice", MethodIds.Totp), code);

        Assert.Equal(EnvelopeStatus.Ok, ok.Result!.Status);
        await AssertNotResealedAsync(h, template);
        Assert.Equal(OtpOutcomes.OtpAlreadyUsed, replay.Result!.Outcome);
    }

    [Fact]
    public async Task Hotp_LogonMovesTheCounter_WithoutResealing_AndTheCodeCannotBeReplayed()
    {
        var h = new LogonHarness([LogonHarness.Chain("c1", "HOTP", MethodIds.Hotp)], methods: [new HotpMethod()]);
        await h.AddLocalUserAsync("alice", "Al1ce!pass");
        var first = await h.StartAsync("alice", MethodIds.Hotp);
        var template = await h.AddSealedTemplateAsync(first.Process.User.UserId, MethodIds.Hotp, new HotpSecret { Secret = OtpVectors.Seed20 }.ToBytes());

        // RFC 4226 Appendix D, counter 0.
        var ok = await h.AnswerAsync(first, "755224");
        var replay = await h.AnswerAsync(await h.StartAsync("alice", MethodIds.Hotp), "755224");

        Assert.Equal(EnvelopeStatus.Ok, ok.Result!.Status);
        await AssertNotResealedAsync(h, template);
        Assert.Equal(OtpOutcomes.OtpWrong, replay.Result!.Outcome);
    }

    [Fact]
    public async Task U2f_LogonMovesTheCounter_WithoutResealing_AndTheResponseCannotBeReplayed()
    {
        var random = new QueuedRandomSource();
        var h = new LogonHarness([LogonHarness.Chain("c9", "U2F", MethodIds.U2f)], PolicySet.Defaults with { U2fMethod = U2fTestBed.VectorOptions },
            random: random);
        var userId = await h.AddLocalUserAsync("ADMIN", "Adm1n!pass");
        var bed = new U2fTestBed();
        var key = bed.KeyOf(bed.AddVectorKey());
        var template = await h.AddSealedTemplateAsync(userId, MethodIds.U2f, key.ToPayload(), U2fTemplateData.For(key.AppId));

        var ok = await U2fSignAsync(h, random);
        var replay = await U2fSignAsync(h, random);

        Assert.Equal(EnvelopeStatus.Ok, ok.Result!.Status);
        await AssertNotResealedAsync(h, template);
        Assert.Equal(U2fOutcomes.U2fCounterRegression, replay.Result!.Outcome);
    }

    [Fact]
    public async Task Fido2_LogonMovesTheCounter_WithoutResealing_AndAnOlderCountIsARegression()
    {
        var e = new Fido2EngineHarness();
        using var key = new SoftwareAuthenticator(CoseAlgorithms.Es256);
        var (first, template) = await e.StartWithAsync(key, signCount: 3);

        var ok = await e.DoLogonAsync(first, key.Assert(new Ceremony { Challenge = Fido2EngineHarness.ChallengeOf(await e.DoLogonAsync(first, null)), Counter = 4 }));
        var second = await e.H.StartAsync("denis", MethodIds.Fido2);
        var clone = await e.DoLogonAsync(second, key.Assert(new Ceremony { Challenge = Fido2EngineHarness.ChallengeOf(await e.DoLogonAsync(second, null)), Counter = 4 }));

        Assert.Equal(EnvelopeStatus.Ok, ok.Result!.Status);
        await AssertNotResealedAsync(e.H, template);
        Assert.Equal(Fido2Outcomes.Fido2CounterRegression, clone.Result!.Outcome);
    }

    private static async Task<LogonReply> U2fSignAsync(LogonHarness h, QueuedRandomSource random)
    {
        var started = await h.StartAsync("admin", MethodIds.U2f);
        random.Enqueue(U2fVectors.AuthChallengeHex);
        Assert.Equal(EnvelopeStatus.MoreData, (await h.Engine.AnswerAsync(started.Process.Id, h.Session.Id, U2fTestBed.Input(null), default)).Result!.Status);
        return await h.Engine.AnswerAsync(started.Process.Id, h.Session.Id, U2fTestBed.Input(U2fVectors.SignResponse()), default);
    }

    /// <summary>The counter was written (the version moved on), and the sealed bytes are those of the enrolment.</summary>
    private static async Task AssertNotResealedAsync(LogonHarness h, Template enrolled)
    {
        var stored = (await h.Templates.GetAsync(enrolled.Id, default))!;
        Assert.Equal(enrolled.Version + 1, stored.Version);
        Assert.Equal(Convert.ToHexString(enrolled.Secret), Convert.ToHexString(stored.Secret));
    }
}
