using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenAaf.Core.Methods.Otp;
using OpenAaf.Server.Tests.Support;
using OpenAaf.Testing;

namespace OpenAaf.Server.Tests.Telemetry;

/// <summary>
/// Real logons of every kind the server knows how to log (passwords LOCAL and LDAP, TOTP, FINGER:1; right,
/// wrong and replayed) through the real server, with a logger that keeps every line at every level. The
/// whole log is then searched for the secrets that went over the wire: none may appear.
/// </summary>
public sealed class LogSecretsTests(SlapdFixture slapd) : IClassFixture<SlapdFixture>
{
    [Fact]
    public async Task NoPasswordOtpSeedTemplateOrEndpointSecret_AppearsInTheLog()
    {
        var log = new CapturingLoggerProvider();
        using var server = new TelemetryServer(slapd, host: b => b.ConfigureLogging(logging => logging
            .AddProvider(log)
            .AddFilter<CapturingLoggerProvider>(null, LogLevel.Trace)));
        var api = server.Api;
        var seed = RandomNumberGenerator.GetBytes(20);
        var base32Seed = Base32.Encode(seed);
        const string wrongPassword = "Wr0ng-Guess!7";
        const string wrongLdapPassword = "N0t-Denis-Pw!";

        var session = await api.NewEndpointSessionAsync();
        var secretHash = ApiClient.SecretHash(OpenAafFactory.EndpointId, OpenAafFactory.EndpointSecret, "i_am_salt");
        var (login, userId) = await server.CarolLoginAsync(session);
        var (wrong, _) = await server.PasswordAsync(session, "carol", wrongPassword);
        var (ldapOk, _) = await server.LdapPasswordAsync(session, TelemetryServer.DenisPassword);
        var (ldapWrong, _) = await server.LdapPasswordAsync(session, wrongLdapPassword);
        await server.EnrollTotpAsync(login, userId, base32Seed);
        var code = await server.TotpCodeAsync(base32Seed);
        var (totpOk, _) = await server.TotpAsync(session, code);
        var (replay, _) = await server.TotpAsync(session, code);
        server.Clock.Advance(TimeSpan.FromSeconds(30));
        var nextCode = await server.TotpCodeAsync(base32Seed);
        var wrongCode = nextCode == "000000" ? "111111" : "000000";
        var (totpWrong, _) = await server.TotpAsync(session, wrongCode);
        await server.EnrollFingersAsync(login, userId);
        var probe = TelemetryServer.Iso(11, 5);
        var impostor = TelemetryServer.Iso(13, 1);
        var (fingerOk, _) = await server.FingerAsync(session, probe);
        var (fingerWrong, _) = await server.FingerAsync(session, impostor);
        var masterKey = (await File.ReadAllTextAsync(Path.Combine(server.Factory.DataDirectory, "master.key"))).Trim();
        var text = log.Text;

        // The logons went as planned, and the log holds one line per logon step of each method.
        Assert.Equal(["FAILED", "OK", "FAILED", "OK", "FAILED", "FAILED", "OK", "FAILED"],
            new[] { wrong, ldapOk, ldapWrong, totpOk, replay, totpWrong, fingerOk, fingerWrong }.Select(r => r.GetProperty("status").GetString()));
        foreach (var method in new[] { "PASSWORD:1", "LDAP_PASSWORD:1", "TOTP:1", "FINGER:1" })
            Assert.Contains(log.Lines, l => l.Contains("OpenAaf.Logon[1000]") && l.Contains($"method={method}") && l.Contains("logon.step OK"));
        Assert.Contains(log.Lines, l => l.Contains("logon.step FAILED") && l.Contains("reason=OTP_ALREADY_USED") && l.Contains($"user={userId}"));
        Assert.True(log.Lines.Count > 40, $"only {log.Lines.Count} lines captured");

        // Nothing secret, in any form it travelled in.
        string[] secrets =
        [
            TelemetryServer.CarolPassword, wrongPassword, TelemetryServer.DenisPassword, wrongLdapPassword, SlapdFixture.ServicePassword,
            base32Seed, Convert.ToHexString(seed), secretHash, masterKey, probe, impostor,
            .. new[] { 11, 12 }.SelectMany(finger => Enumerable.Range(1, 3).Select(impression => TelemetryServer.Iso(finger, impression))),
        ];
        foreach (var secret in secrets)
            Assert.False(text.Contains(secret, StringComparison.OrdinalIgnoreCase), $"the log contains a secret: {secret[..Math.Min(8, secret.Length)]}…");
        foreach (var number in new[] { code, nextCode, wrongCode, OpenAafFactory.EndpointSecret })
            Assert.DoesNotMatch(new Regex($"(?<![0-9A-Za-z.]){number}(?![0-9A-Za-z.])"), text);
    }
}
